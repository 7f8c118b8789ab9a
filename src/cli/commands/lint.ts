import type { CommandModule } from 'yargs';
import { formatDiagnostic } from '../../lint/diagnostic.js';
import { lint } from '../../lint/lint.js';
import { commandModule } from '../command-module.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { isStdin, readInputBytes } from '../read-input.js';
import { decodeRunbook, encodingDiagnostic, parseCodePage } from '../runbook-encoding.js';
import { parseShellVersion } from '../../spec/shell-version.js';
import { reportError } from '../report-error.js';
import { fixFiles } from '../fix-files.js';
import { portTarget } from './port.js';
import { maskForScript, safeIo } from '../safe-io.js';

/** The arguments of `exchcert lint`. */
type LintArgs = {
  files: string[];
  exchange?: string | undefined;
  shell?: string | undefined;
  interactive?: boolean | undefined;
  json?: boolean | undefined;
  codepage?: string | undefined;
  strict?: boolean | undefined;
  fix?: boolean | undefined;
  'dry-run'?: boolean | undefined;
  secrets?: string | undefined;
  unattended?: boolean | undefined;
};

/** `exchcert lint FILE... --exchange V --shell S`: diagnostics as file:line:col. */
export function lintCommand(io: CliIo, done: (code: number) => void): CommandModule {
  return commandModule<LintArgs>({
    command: 'lint <files..>',
    describe: 'check runbooks against an Exchange version and PowerShell dialect',
    builder: (y) =>
      y
        .positional('files', {
          type: 'string',
          array: true,
          describe: 'runbook files (- for standard input)',
          demandOption: true,
        })
        .option('exchange', { type: 'string', describe: 'Exchange target, e.g. 2019-CU14' })
        .option('shell', { type: 'string', describe: 'PowerShell dialect the script runs in: 2.0, 5.1 or 7' })
        .option('interactive', {
          type: 'boolean',
          describe: 'the script runs with someone to answer prompts (no prompt warnings)',
        })
        .option('json', { type: 'boolean', describe: 'print diagnostics as JSON' })
        .option('codepage', {
          type: 'string',
          describe: 'ANSI code page Windows PowerShell 2.0/5.1 read a BOM-less file in (default 1252)',
        })
        .option('strict', { type: 'boolean', describe: 'exit 1 on warnings too' })
        .option('fix', {
          type: 'boolean',
          describe: 'apply every safe rewrite in place (atomically, keeping encoding and line endings)',
        })
        .option('dry-run', { type: 'boolean', describe: 'with --fix: print the unified diff instead of writing' })
        .option('secrets', {
          type: 'string',
          describe:
            'with --fix: a plain-text password becomes a prompt or a variable filled at run time (default: prompt; variable with --unattended)',
        })
        .option('unattended', {
          type: 'boolean',
          describe: 'with --fix: add -Force / -Confirm:$false where a prompt would stop an unattended script',
        }),
    handler: async (a) => {
      if (a.fix === true || a['dry-run'] === true) {
        let remaining;
        try {
          const target = portTarget(a);
          remaining = await fixFiles(io, {
            files: a.files,
            ...target,
            unattended: a.unattended === true,
            codePage: parseCodePage(a.codepage),
            dryRun: a['dry-run'] === true,
          });
        } catch (e) {
          done(reportError(e, io));
          return;
        }
        const failing = remaining.filter(
          (d) => d.severity === 'error' || (a.strict === true && d.severity === 'warning'),
        );
        done(failing.length > 0 ? EXIT.failed : EXIT.ok);
        return;
      }
      const inputs: { file: string; text: string; bytes: Uint8Array }[] = [];
      const shell = parseShellVersion(a.shell);
      const codePage = parseCodePage(a.codepage);
      for (const given of a.files) {
        const file = isStdin(given) ? '-' : given;
        const bytes = await readInputBytes(file, io);
        inputs.push({ file, text: decodeRunbook(bytes, shell, codePage), bytes });
      }
      // Diagnostics and errors quote the source: passwords masked, control characters made visible.
      const out = safeIo(io, await maskForScript(inputs.map((i) => i.text).join('\n')), a.json ? 'json' : 'all');
      const all = [];
      try {
        for (const { file, text, bytes } of inputs) {
          const encoding = encodingDiagnostic(bytes, file === '-' ? undefined : file, codePage);
          if (encoding) all.push(encoding);
          const target = { ...(a.exchange ? { exchange: a.exchange } : {}), ...(a.shell ? { shell: a.shell } : {}) };
          all.push(...lint(text, { ...target, ...(file === '-' ? {} : { file }), unattended: a.interactive !== true }));
        }
      } catch (e) {
        done(reportError(e, out));
        return;
      }
      if (a.json) out.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
      else for (const d of all) out.stdout.write(`${formatDiagnostic(d)}\n`);
      const failing = all.filter((d) => d.severity === 'error' || (a.strict === true && d.severity === 'warning'));
      done(failing.length > 0 ? EXIT.failed : EXIT.ok);
    },
  });
}
