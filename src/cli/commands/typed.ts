import type { Argv, CommandModule } from 'yargs';
import { ValidationError } from '../../errors/validation-error.js';
import { REDACTED_TEXT } from '../../node/secret.js';
import type { CliIo } from '../cli-io.js';
import { withStateOption } from '../mock-options.js';
import { backendOptionsOf, withBackendFlags } from '../backend-flags.js';
import { cliContext } from '../cli-context.js';
import { readPassword } from '../read-password.js';
import type { TypedCommand } from '../typed-commands.js';
import { cliOptions, takesPassword } from '../typed-commands.js';
import { runTyped } from '../typed-run.js';

/** Adds the output options every typed subcommand has. */
export function withOutputOptions<T>(y: Argv<T>): Argv<T> {
  return withBackendFlags(withStateOption(y))
    .option('print', { type: 'boolean', describe: 'print the exact command line instead of running it (same as --backend print)' })
    .option('backend', { type: 'string', describe: 'where to run: mock (default: the simulated Exchange Management Shell), print, local, remote or ssh; else EXCHCERT_BACKEND, then the config file', default: undefined })
    .option('connect', { type: 'string', describe: 'server the mock shell is connected to' })
    .option('json', { type: 'boolean', describe: 'mock: print the result as JSON' })
    .option('answer', { type: 'string', array: true, describe: 'mock: answers to prompts in order (Y, A, N, L)' })
    .option('shell', { type: 'string', describe: 'PowerShell dialect of the line: 2.0, 5.1 or 7 (default 5.1; 2.0 for --exchange 2010)' })
    .option('exchange', { type: 'string', describe: 'Exchange target: 2010, 2013, 2016, 2016-CU22, 2019-CU11, 2019-CU14, SE...' })
    .option('secrets', { type: 'string', describe: 'secrets in the line: variable (default), inline or prompt' })
    .option('quoting', { type: 'string', describe: 'literal (default) or ascii (for transports that mangle non-ASCII text)' })
    .option('bytes', { type: 'string', describe: "file bytes read the dialect's way (dialect, default) or with [System.IO.File] (dotnet)" }) as Argv<T>;
}

/** The yargs module of one typed subcommand; its options come from the cmdlet table. */
export function typedCommandModule(cmd: TypedCommand, io: CliIo, done: (code: number) => void): CommandModule {
  return {
    command: cmd.name,
    describe: cmd.describe,
    builder: (y) => {
      let b = withOutputOptions(y);
      for (const o of cliOptions(cmd)) {
        b = b.option(o.flag, {
          describe: o.describe,
          type: o.kind === 'boolean' ? 'boolean' : o.kind === 'number' ? 'number' : o.kind === 'array' ? 'array' : 'string',
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
              throw new ValidationError({ code: 'PASSWORD_IN_ARGV', parameter: 'password', value: REDACTED_TEXT, allowed: '--password-file, --password-env, --password-stdin or --password-prompt',
                message: 'exchcert never takes a password as an option value (other users can read the command line); use --password-file, --password-env, --password-stdin or --password-prompt.' });
            }
            return true;
          });
      }
      return b;
    },
    handler: async (args) => {
      const a = args as Record<string, unknown>;
      const password = takesPassword(cmd)
        ? await readPassword({ passwordFile: a['password-file'] as string | undefined, passwordEnv: a['password-env'] as string | undefined, passwordStdin: a['password-stdin'] as boolean | undefined, passwordPrompt: a['password-prompt'] as boolean | undefined }, io)
        : undefined;
      // --print prints; otherwise the default backend (--backend, EXCHCERT_BACKEND, config file, mock) runs it.
      const { config, log } = await cliContext(a, io);
      const backend = config.backend.value;
      done(await runTyped(cmd, a, { backend, log, backendOptions: backendOptionsOf(a), servers: a.servers as string | undefined, throttle: a.throttle as number | undefined, state: config.state.value, connect: config.connect?.value, json: a.json as boolean | undefined, answers: a.answer as string[] | undefined, shell: a.shell as string | undefined, exchange: a.exchange as string | undefined, secrets: a.secrets as string | undefined, quoting: a.quoting as string | undefined, bytes: a.bytes as string | undefined }, password, io));
    },
  };
}
