import type { CliIo } from './cli-io.js';
import { readPassword } from './read-password.js';
import type { CliOption } from './typed-commands.js';
import { TYPED_COMMANDS, cliOptions, takesPassword } from './typed-commands.js';
import { runTyped } from './typed-run.js';

const OUTPUT_FLAGS = new Set(['shell', 'exchange', 'secrets', 'quoting', 'bytes', 'backend']);

/**
 * The `--print` path of the typed subcommands without loading yargs (cold start). It takes only argument shapes it
 * reads exactly like yargs; anything else (help, errors, prompts, stdin) returns null and goes to the full CLI.
 */
export function tryFastPrint(argv: readonly string[], io: CliIo): Promise<number> | null {
  const cmd = TYPED_COMMANDS.find((c) => c.name === argv[0]);
  if (!cmd) return null;
  const options = new Map<string, CliOption>(cliOptions(cmd).map((o) => [o.flag, o]));
  const flags: Record<string, unknown> = {};
  const out: Record<string, string> = {};
  let print = false;
  let passwordEnv: string | undefined;
  let passwordFile: string | undefined;
  const password = takesPassword(cmd);
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') return null;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const next = argv[i + 1];
    const takeValue = (): string | null => {
      if (inline !== undefined) return inline;
      if (next === undefined || next.startsWith('-')) return null;
      i++;
      return next;
    };
    if (flag === 'print' && inline === undefined) { print = true; continue; }
    if (OUTPUT_FLAGS.has(flag)) {
      const v = takeValue();
      if (v === null || out[flag] !== undefined) return null;
      out[flag] = v;
      continue;
    }
    if (password && (flag === 'password-env' || flag === 'password-file')) {
      const v = takeValue();
      if (v === null || passwordEnv !== undefined || passwordFile !== undefined) return null;
      if (flag === 'password-env') passwordEnv = v; else passwordFile = v;
      continue;
    }
    const negated = flag.startsWith('no-') ? options.get(flag.slice(3)) : undefined;
    if (negated && negated.kind === 'boolean' && inline === undefined) {
      if (flags[negated.flag] !== undefined) return null;
      flags[negated.flag] = false;
      continue;
    }
    const o = options.get(flag);
    if (!o || (flags[flag] !== undefined && o.kind !== 'array')) return null;
    if (o.kind === 'boolean') {
      if (inline === undefined) {
        if (next !== undefined && !next.startsWith('--')) return null;
        flags[flag] = true;
      } else if (inline === 'true' || inline === 'false') flags[flag] = inline === 'true';
      else return null;
      continue;
    }
    const v = takeValue();
    if (v === null) return null;
    if (o.kind === 'array') {
      // yargs arrays swallow every following value; take only the one-value shape.
      if (inline === undefined && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) return null;
      flags[flag] = [...((flags[flag] as string[] | undefined) ?? []), v];
    } else if (o.kind === 'number') {
      if (!/^-?\d+$/.test(v)) return null;
      flags[flag] = Number(v);
    } else flags[flag] = v;
  }
  const backend = out.backend ?? (print ? 'print' : undefined);
  if (backend !== 'print' || (print && out.backend !== undefined && out.backend !== 'print')) return null;
  return (async () => {
    const secret = await readPassword({ passwordEnv, passwordFile }, io);
    return runTyped(cmd, flags, { backend, shell: out.shell, exchange: out.exchange, secrets: out.secrets, quoting: out.quoting, bytes: out.bytes }, secret, io);
  })();
}
