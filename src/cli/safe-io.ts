// CLI output made safe: known plain-text passwords masked, control characters made visible where source text shows.
import { visibleText } from '../errors/visible-text.js';
import type { CliIo } from './cli-io.js';
import type { SecretMask } from './secret-mask.js';

/** C1 controls and DEL, which JSON.stringify leaves raw: escaped so a JSON document cannot drive a terminal either. */
function escapeJsonControls(text: string): string {
  return text.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Which output gets control characters made visible: `all` (listings), `stderr` (a run's output stays as written). */
export type VisibleStreams = 'all' | 'stderr' | 'json';

/**
 * `io` with every write masked by `mask` (when given) and made terminal-safe: stderr always, stdout for `all`;
 * `json` escapes the C1 controls JSON leaves raw.
 * @example const out = safeIo(io, mask, 'all'); out.stderr.write('line 1: \u001b[2J') // 'line 1: ␛[2J'
 */
export function safeIo(io: CliIo, mask: SecretMask | null, streams: VisibleStreams): CliIo {
  const masked = (t: string): string => (mask ? mask.mask(t) : t);
  let stdout = masked;
  if (streams === 'all') stdout = (t) => visibleText(masked(t));
  if (streams === 'json') stdout = (t) => escapeJsonControls(masked(t));
  // io's own properties as they are (a spread would call the process's getters: stdinIsTTY opens standard input).
  const out = Object.defineProperties({}, Object.getOwnPropertyDescriptors(io)) as CliIo;
  return Object.defineProperties(out, {
    stdout: { value: { write: (t: string) => io.stdout.write(stdout(t)) }, enumerable: true },
    stderr: { value: { write: (t: string) => io.stderr.write(visibleText(masked(t))) }, enumerable: true },
  });
}

/**
 * A mask of the plain-text passwords `text` writes (see collectPlainTextSecrets); add more as the run finds them.
 * @example const mask = await maskForScript("ConvertTo-SecureString 'Pass1word' -AsPlainText -Force");
 * mask.mask('Pass1word') // '********'
 */
export async function maskForScript(text: string): Promise<SecretMask> {
  const [{ SecretMask }, { collectPlainTextSecrets }] = await Promise.all([
    import('./secret-mask.js'),
    import('./plain-text-secrets.js'),
  ]);
  const mask = new SecretMask();
  for (const s of collectPlainTextSecrets(text)) mask.add(s);
  return mask;
}
