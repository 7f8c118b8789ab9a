import type { Argv, CommandModule } from 'yargs';
import type { CliIo } from './cli-io.js';
import { EXIT } from './cli-io.js';
import { caCommand } from './commands/ca.js';
import { demoCommand } from './commands/demo.js';
import { engineCommand } from './commands/engine.js';
import { simCommand } from './commands/sim.js';
import { mockCommand } from './commands/mock.js';
import { runCommand } from './commands/run.js';
import { shellCommand } from './commands/shell.js';
import { lintCommand } from './commands/lint.js';
import { portCommand } from './commands/port.js';
import { parseCommand } from './commands/parse.js';
import { typedCommandModule } from './commands/typed.js';
import { workflowCommands } from './workflow-commands.js';
import { withGlobalOptions } from './global-options.js';
import { EXIT_CODES_HELP, withCommandHelp } from './command-help.js';
import { UsageError, reportError } from './report-error.js';
import { TYPED_COMMANDS } from './typed-commands.js';
import { STDIN_ARGUMENT } from './read-input.js';
import { bundleFor } from './bundles/bundle-for.js';
import type { CommandModules } from './fast/run-fast.js';
import { runFast } from './fast/run-fast.js';

/** The package version, for `--version`. */
export const VERSION = '0.1.0';

/** Makes the command modules of the CLI (the factory tests may wrap). */
export type CliCommands = (io: CliIo, done: (code: number) => void) => readonly CommandModule[];

/** Every command of the CLI, in the order `--help` lists them. */
export const cliCommands: CliCommands = (io, done) => [
  ...TYPED_COMMANDS.map((cmd) => withCommandHelp(typedCommandModule(cmd, io, done))),
  ...workflowCommands(io, done),
  ...[
    parseCommand(io, done),
    lintCommand(io, done),
    portCommand(io, done),
    runCommand(io, done),
    shellCommand(io, done),
    mockCommand(io, done),
    caCommand(io, done),
    simCommand(io, done),
    engineCommand(io, done, (argv, lineIo) => runCommandLine(argv, lineIo)),
    demoCommand(io, done),
  ].map((m) => withCommandHelp(m)),
];

/**
 * Runs the CLI in-process: strict yargs, one module per command; returns the exit code (never exits).
 * @example await runCli(['get', '--server', 'EXCH1', '--print'], io)
 */
export async function runCli(
  given: readonly string[],
  io: CliIo,
  commands: CliCommands = cliCommands,
): Promise<number> {
  const { default: yargs } = await import('yargs');
  const argv = given.map((a) => (a === '-' ? STDIN_ARGUMENT : a));
  let code: number = EXIT.ok;
  const done = (c: number) => {
    code = c;
  };
  let y: Argv = yargs([...argv])
    .scriptName('exchcert')
    .usage('$0 <command> [options]\n\nExact Exchange certificate command lines: build, print, parse, lint.')
    .strict()
    .demandCommand(1, 'Name a command; see exchcert --help.')
    .recommendCommands()
    .exitProcess(false)
    .version(VERSION)
    .help()
    .wrap(Math.min(120, io.columns ?? 100))
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    });
  y = withGlobalOptions(y);
  for (const module of commands(io, done)) y = y.command(module);
  y = y
    .completion('completion', 'print a bash/zsh completion script (exchcert completion >> ~/.bashrc)')
    .epilog(EXIT_CODES_HELP)
    .example(
      '$0 renew --server AMS-EXCH01 --subject-name CN=mail.contoso.com --domain-name mail.contoso.com --ca mock --password-env PFX_PW',
      'renew on the mock in one go',
    )
    .example('$0 report --html report.html', 'every certificate on every server, with a page to mail');
  try {
    let helpOutput = '';
    await y.parseAsync([...argv], {}, (_err: unknown, _argv: unknown, output: string) => {
      helpOutput = output;
    });
    if (helpOutput) io.stdout.write(`${helpOutput}\n`);
    return code;
  } catch (e) {
    if (!argv.includes('--json')) return reportError(e, io);
    // --json: the same one line, as a JSON object.
    let line = '';
    const code = reportError(e, {
      ...io,
      stderr: {
        write: (t: string) => {
          line += t;
        },
      },
    });
    const f = e as { code?: unknown; parameter?: unknown; value?: unknown };
    io.stderr.write(
      `${JSON.stringify({
        error: {
          code: typeof f.code === 'string' ? f.code : 'USAGE',
          message: line.replace(/^exchcert: /, '').trimEnd(),
          ...(typeof f.parameter === 'string' ? { parameter: f.parameter } : {}),
          ...(typeof f.value === 'string' ? { value: f.value } : {}),
        },
      })}\n`,
    );
    return code;
  }
}

/** The fast path's command modules by bundle, as the CLI's bundles take them (src/cli/bundles/). */
const FAST_MODULES: Readonly<Partial<Record<string, CommandModules>>> = {
  run: (io, done) => [runCommand(io, done)],
  ca: (io, done) => [caCommand(io, done)],
  mock: (io, done) => [mockCommand(io, done)],
  typed: (io, done) => TYPED_COMMANDS.map((cmd) => typedCommandModule(cmd, io, done)),
};

/**
 * Runs a command line as the `exchcert` process would, in this process: the fast path where the command's bundle
 * takes it, else `full` (strict yargs: help, usage errors and every other command). The engine runs forwarded lines so.
 * @example await runCommandLine(['run', 'renew.ps1', '--state', 'lab'], io)
 */
export function runCommandLine(
  argv: readonly string[],
  io: CliIo,
  full: (argv: readonly string[], io: CliIo) => Promise<number> = runCli,
): Promise<number> {
  const modules = FAST_MODULES[bundleFor(argv[0])];
  return (modules && runFast(modules, argv, io)) ?? full(argv, io);
}
