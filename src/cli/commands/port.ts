// `exchcert port FILE --exchange V --shell S`: every rewrite a runbook needs for that target, as a diff or written.
import type { CommandModule } from 'yargs';
import { ValidationError } from '../../errors/validation-error.js';
import { parseExchangeTarget } from '../../spec/exchange-target.js';
import { parseShellVersion } from '../../spec/shell-version.js';
import type { ShellVersion } from '../../spec/shell-version.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { commandModule } from '../command-module.js';
import { fixFiles } from '../fix-files.js';
import { reportError } from '../report-error.js';
import { parseCodePage } from '../runbook-encoding.js';

/** The arguments of `exchcert port`. */
type PortArgs = {
  file: string;
  exchange: string;
  shell: string;
  secrets?: string | undefined;
  unattended?: boolean | undefined;
  write?: boolean | undefined;
  codepage?: string | undefined;
};

/** The target options checked, each error naming the option, the value and what is allowed. */
export function portTarget(a: {
  exchange?: string | undefined;
  shell?: string | undefined;
  secrets?: string | undefined;
  unattended?: boolean | undefined;
}): {
  exchange: string | undefined;
  shell: ShellVersion | undefined;
  secrets: 'prompt' | 'variable';
} {
  const named = (option: string, value: string, run: () => void) => {
    try {
      run();
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      throw new ValidationError({
        code: e.code,
        parameter: option,
        value,
        ...(e.allowed === undefined ? {} : { allowed: e.allowed }),
        message: `--${option} '${value}': ${e.message}`,
      });
    }
  };
  const { exchange, shell: givenShell } = a;
  if (exchange !== undefined) named('exchange', exchange, () => parseExchangeTarget(exchange));
  let shell: ShellVersion | undefined;
  if (givenShell !== undefined)
    named('shell', givenShell, () => {
      shell = parseShellVersion(givenShell);
    });
  const secrets = a.secrets ?? (a.unattended === true ? 'variable' : 'prompt');
  if (secrets !== 'prompt' && secrets !== 'variable')
    throw new ValidationError({
      code: 'INVALID_SECRETS_MODE',
      parameter: 'secrets',
      value: secrets,
      allowed: 'prompt, variable',
      message: `--secrets '${secrets}' is not a way to replace a plain-text password. Allowed: prompt, variable.`,
    });
  return { exchange, shell, secrets };
}

/** `exchcert port FILE --exchange V --shell S [--secrets prompt|variable] [--unattended] [--write]`. */
export function portCommand(io: CliIo, done: (code: number) => void): CommandModule {
  return commandModule<PortArgs>({
    command: 'port <file>',
    describe: 'rewrite a runbook for a target Exchange build and shell (prints a diff; --write changes the file)',
    builder: (y) =>
      y
        .positional('file', { type: 'string', describe: 'the runbook', demandOption: true })
        .option('exchange', { type: 'string', demandOption: true, describe: 'target Exchange, e.g. 2019-CU14' })
        .option('shell', { type: 'string', demandOption: true, describe: 'target PowerShell: 2.0, 5.1 or 7' })
        .option('secrets', {
          type: 'string',
          describe:
            'a password written as plain text becomes a prompt or a variable filled at run time (default: prompt; variable with --unattended)',
        })
        .option('unattended', {
          type: 'boolean',
          describe: 'add -Force / -Confirm:$false where a prompt would stop a script nobody watches',
        })
        .option('write', { type: 'boolean', describe: 'rewrite the file (atomically) instead of printing the diff' })
        .option('codepage', {
          type: 'string',
          describe: 'ANSI code page a BOM-less file is in for Windows PowerShell (default 1252)',
        }),
    handler: async (a) => {
      try {
        const target = portTarget(a);
        const codePage = parseCodePage(a.codepage);
        await fixFiles(io, {
          files: [a.file],
          ...target,
          unattended: a.unattended === true,
          codePage,
          dryRun: a.write !== true,
        });
      } catch (e) {
        done(reportError(e, io));
        return;
      }
      done(EXIT.ok);
    },
  });
}
