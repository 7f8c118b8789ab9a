// `lint --fix` and `port`: reads every runbook first, fixes each for its target, then prints diffs or writes the files
// (atomically, in their own encoding and line endings); nothing is written when any input is bad.
import type { Diagnostic } from '../lint/diagnostic.js';
import { formatDiagnostic } from '../lint/diagnostic.js';
import { lint } from '../lint/lint.js';
import type { TextEdit } from '../lint/text-edit.js';
import type { ShellVersion } from '../spec/shell-version.js';
import type { CliIo } from './cli-io.js';
import { isStdin, readInputBytes } from './read-input.js';
import { decodeRunbook } from './runbook-encoding.js';
import { applyEditsToBytes, writeFileAtomic } from './runbook-file.js';
import { maskForScript, safeIo } from './safe-io.js';
import { unifiedDiff } from './unified-diff.js';

/** What to fix for and how to report it. */
export interface FixFilesOptions {
  readonly files: readonly string[];
  readonly exchange: string | undefined;
  readonly shell: ShellVersion | undefined;
  readonly secrets: 'prompt' | 'variable';
  readonly unattended: boolean;
  readonly codePage: number;
  /** Print the unified diff instead of writing. */
  readonly dryRun: boolean;
}

/** One runbook fixed in memory. */
interface FixedFile {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly before: string;
  readonly after: string;
  readonly edits: readonly TextEdit[];
  readonly findings: readonly Diagnostic[];
}

/** `rule N, rule N` in order of first use. */
function byRule(edits: readonly TextEdit[]): string {
  const counts = new Map<string, number>();
  for (const e of edits) counts.set(e.rule, (counts.get(e.rule) ?? 0) + 1);
  return [...counts].map(([rule, n]) => `${rule} ${n}`).join(', ');
}

/**
 * Fixes the files; returns the remaining findings (those without a safe rewrite) after printing them.
 * @example await fixFiles(io, { files: ['run.ps1'], exchange: '2019-CU14', shell: '7', secrets: 'prompt', unattended: false, codePage: 1252, dryRun: true })
 */
export async function fixFiles(io: CliIo, options: FixFilesOptions): Promise<readonly Diagnostic[]> {
  const shell = options.shell ?? (options.exchange?.trim().startsWith('2010') ? '2.0' : '5.1');
  const fixed: FixedFile[] = [];
  for (const given of options.files) {
    const file = isStdin(given) ? '-' : given;
    const bytes = await readInputBytes(file, io);
    const before = decodeRunbook(bytes, shell, options.codePage);
    const r = lint(before, {
      ...(options.exchange === undefined ? {} : { exchange: options.exchange }),
      shell,
      ...(file === '-' ? {} : { file }),
      fix: true,
      secrets: options.secrets,
      // Prompts are reported as for any script; only --unattended adds the switches that answer them.
      ...(options.unattended ? { unattended: true } : {}),
    });
    fixed.push({ file, bytes, before, after: r.text, edits: r.edits, findings: r.findings });
  }
  // Every new file's bytes are made before the first is written: an encoding problem changes nothing.
  const outputs = fixed.map((f) =>
    f.edits.length === 0 || options.dryRun || f.file === '-'
      ? null
      : applyEditsToBytes(f.bytes, f.file, f.edits, shell, options.codePage),
  );
  // The diff and the findings quote the source: known plain-text passwords are masked.
  const out = safeIo(io, await maskForScript(fixed.map((f) => f.before).join('\n')), 'all');
  const remaining: Diagnostic[] = [];
  for (const [i, f] of fixed.entries()) {
    if (f.file === '-' && !options.dryRun) out.stdout.write(f.after);
    else if (options.dryRun) out.stdout.write(unifiedDiff(f.file, f.before, f.after));
    else if (outputs[i]) {
      await writeFileAtomic(f.file, outputs[i]);
      out.stdout.write(unifiedDiff(f.file, f.before, f.after));
      out.stdout.write(
        `wrote ${f.file}: ${f.edits.length} edit${f.edits.length === 1 ? '' : 's'} (${byRule(f.edits)})\n`,
      );
    }
    remaining.push(...f.findings);
  }
  // Fixed text on standard output: the findings go to standard error.
  const report = fixed.some((f) => f.file === '-') && !options.dryRun ? out.stderr : out.stdout;
  if (remaining.length > 0) {
    report.write(`Findings without a safe rewrite (${remaining.length}; lines of the fixed text):\n`);
    for (const d of remaining) report.write(`${formatDiagnostic(d)}\n`);
  }
  return remaining;
}
