import type { CommandModule } from 'yargs';
import { bindScript } from '../../bind/bind.js';
import { commandModule } from '../command-module.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { jsonReplacer } from '../json-value.js';
import { isStdin, readRunbook } from '../read-input.js';
import { parseCodePage } from '../runbook-encoding.js';
import { parseShellVersion } from '../../spec/shell-version.js';
import { reportError } from '../report-error.js';
import { maskForScript, safeIo } from '../safe-io.js';

/** The arguments of `exchcert parse`. */
type ParseArgs = {
  file: string;
  json?: boolean | undefined;
  shell?: string | undefined;
  exchange?: string | undefined;
  codepage?: string | undefined;
  'show-secrets'?: boolean | undefined;
};

/** `exchcert parse [--json] FILE|-`: the bound invocations (cmdlet, set, parameters by camelCase name, extent). */
export function parseCommand(io: CliIo, done: (code: number) => void): CommandModule {
  return commandModule<ParseArgs>({
    command: 'parse <file>',
    describe: 'parse and bind a runbook: cmdlet, parameter set, parameters and position of every command',
    builder: (y) =>
      y
        .positional('file', { type: 'string', describe: 'runbook file, or - for standard input', demandOption: true })
        .option('json', { type: 'boolean', describe: 'print JSON' })
        .option('shell', { type: 'string', describe: 'read the script as PowerShell 2.0, 5.1 or 7' })
        .option('exchange', { type: 'string', describe: 'report parameters this Exchange target lacks' })
        .option('codepage', {
          type: 'string',
          describe: 'ANSI code page Windows PowerShell 2.0/5.1 read a BOM-less file in (default 1252)',
        })
        .option('show-secrets', {
          type: 'boolean',
          describe: 'print plain-text passwords found in the script instead of ********',
        }),
    handler: async (a) => {
      const file = isStdin(a.file) ? '-' : a.file;
      const text = await readRunbook(file, io, parseShellVersion(a.shell), parseCodePage(a.codepage));
      const show = a['show-secrets'] === true;
      // Everything printed is masked (passwords) and terminal-safe (control characters in the source made visible).
      const out = safeIo(io, show ? null : await maskForScript(text), a.json ? 'json' : 'all');
      try {
        const target = { ...(a.shell ? { shell: a.shell } : {}), ...(a.exchange ? { exchange: a.exchange } : {}) };
        const result = bindScript(text, { ...target, ...(file === '-' ? {} : { file }) });
        const invocations = result.invocations.map((inv) => ({
          cmdlet: inv.cmdlet,
          parameterSet: inv.parameterSet,
          parameters: inv.parameters,
          ...(inv.args && inv.args.length > 0 ? { args: inv.args } : {}),
          // Positions only: the source text may hold a plain-text password.
          extent: {
            startLine: inv.extent.startLine,
            startColumn: inv.extent.startColumn,
            endLine: inv.extent.endLine,
            endColumn: inv.extent.endColumn,
          },
        }));
        if (a.json) {
          out.stdout.write(`${JSON.stringify(invocations, jsonReplacer(show), 2)}\n`);
        } else {
          for (const inv of invocations) {
            out.stdout.write(
              `${file}:${inv.extent.startLine}:${inv.extent.startColumn}: ${inv.cmdlet} [${inv.parameterSet ?? 'not bound'}] ${JSON.stringify(inv.parameters, jsonReplacer(show))}\n`,
            );
          }
        }
        for (const e of result.errors)
          out.stderr.write(
            `${file}:${e.line}:${e.column}: ${e.cmdlet}: ${e.powershellMessage}${e.detail ? ` ${e.detail}` : ''}\n`,
          );
        done(result.errors.length > 0 ? EXIT.failed : EXIT.ok);
      } catch (e) {
        done(reportError(e, out));
      }
    },
  });
}
