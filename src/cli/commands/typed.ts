import type { Argv, CommandModule } from 'yargs';
import { ValidationError } from '../../errors/validation-error.js';
import { REDACTED_TEXT } from '../../node/secret.js';
import type { CliIo } from '../cli-io.js';
import { withStateOption } from '../mock-options.js';
import type { MockStateArgs } from '../mock-options.js';
import { commandModule } from '../command-module.js';
import { backendOptionsOf, withBackendFlags } from '../backend-flags.js';
import type { BackendFlagArgs } from '../backend-flags.js';
import { cliContext } from '../cli-context.js';
import { readPassword } from '../read-password.js';
import type { TypedCommand } from '../typed-commands.js';
import { cliOptions, takesPassword } from '../typed-commands.js';
import { runTyped } from '../typed-run.js';

/** Adds the output options every typed subcommand has. */
export function withOutputOptions<T>(y: Argv<T>) {
  return withBackendFlags(withStateOption(y))
    .option('print', {
      type: 'boolean',
      describe: 'print the exact command line instead of running it (same as --backend print)',
    })
    .option('backend', {
      type: 'string',
      describe:
        'where to run: mock (default: the simulated Exchange Management Shell), print, local, remote or ssh; else EXCHCERT_BACKEND, then the config file',
      default: undefined,
    })
    .option('connect', { type: 'string', describe: 'server the mock shell is connected to' })
    .option('json', { type: 'boolean', describe: 'mock: print the result as JSON' })
    .option('answer', { type: 'string', array: true, describe: 'mock: answers to prompts in order (Y, A, N, L)' })
    .option('shell', {
      type: 'string',
      describe: 'PowerShell dialect of the line: 2.0, 5.1 or 7 (default 5.1; 2.0 for --exchange 2010)',
    })
    .option('exchange', {
      type: 'string',
      describe: 'Exchange target: 2010, 2013, 2016, 2016-CU22, 2019-CU11, 2019-CU14, SE...',
    })
    .option('secrets', { type: 'string', describe: 'secrets in the line: variable (default), inline or prompt' })
    .option('quoting', {
      type: 'string',
      describe: 'literal (default) or ascii (for transports that mangle non-ASCII text)',
    })
    .option('bytes', {
      type: 'string',
      describe: "file bytes read the dialect's way (dialect, default) or with [System.IO.File] (dotnet)",
    });
}

/** The arguments of a typed subcommand: the output options, the password sources, then the cmdlet's own flags. */
type TypedArgs = Readonly<Record<string, unknown>> &
  BackendFlagArgs &
  MockStateArgs & {
    print?: boolean | undefined;
    backend?: string | undefined;
    connect?: string | undefined;
    json?: boolean | undefined;
    answer?: string[] | undefined;
    shell?: string | undefined;
    exchange?: string | undefined;
    secrets?: string | undefined;
    quoting?: string | undefined;
    bytes?: string | undefined;
    'password-file'?: string | undefined;
    'password-env'?: string | undefined;
    'password-stdin'?: boolean | undefined;
    'password-prompt'?: boolean | undefined;
  };

/** The yargs module of one typed subcommand; its options come from the cmdlet table. */
export function typedCommandModule(cmd: TypedCommand, io: CliIo, done: (code: number) => void): CommandModule {
  return commandModule<TypedArgs>({
    command: cmd.name,
    describe: cmd.describe,
    builder: (y) => {
      let b = withOutputOptions(y);
      for (const o of cliOptions(cmd)) {
        b = b.option(o.flag, {
          describe: o.describe,
          type:
            o.kind === 'boolean' ? 'boolean' : o.kind === 'number' ? 'number' : o.kind === 'array' ? 'array' : 'string',
          ...(o.kind === 'array' ? { string: true } : {}),
        });
      }
      if (takesPassword(cmd)) {
        b = b
          .option('password-file', { type: 'string', describe: 'read the PFX password from this file' })
          .option('password-env', { type: 'string', describe: 'read the PFX password from this environment variable' })
          .option('password-stdin', { type: 'boolean', describe: 'read the PFX password from standard input' })
          .option('password-prompt', { type: 'boolean', describe: 'ask for the PFX password on the terminal' })
          .option('password', { type: 'string', hidden: true })
          .check((a) => {
            if (a.password !== undefined) {
              throw new ValidationError({
                code: 'PASSWORD_IN_ARGV',
                parameter: 'password',
                value: REDACTED_TEXT,
                allowed: '--password-file, --password-env, --password-stdin or --password-prompt',
                message:
                  'exchcert never takes a password as an option value (other users can read the command line); use --password-file, --password-env, --password-stdin or --password-prompt.',
              });
            }
            return true;
          });
      }
      return b;
    },
    handler: async (a) => {
      const password = takesPassword(cmd) ? await readPassword(a, io) : undefined;
      // --print prints; otherwise the default backend (--backend, EXCHCERT_BACKEND, config file, mock) runs it.
      const { config, log } = await cliContext(a, io);
      const backend = config.backend.value;
      const { servers, throttle, json, answer: answers, shell, exchange, secrets, quoting, bytes } = a;
      const out = { servers, throttle, json, answers, shell, exchange, secrets, quoting, bytes };
      const backendOptions = backendOptionsOf(a);
      const where = { backend, log, backendOptions, state: config.state.value, connect: config.connect?.value };
      done(await runTyped(cmd, a, { ...where, ...out }, password, io));
    },
  });
}
