// The front layer: runs a command's own yargs handler on arguments parsed without yargs, when the shape allows it.
import type { CommandModule } from 'yargs';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { reportError } from '../report-error.js';
import { parseFast } from './parse-fast.js';
import { recordCommand } from './record-command.js';

/** Makes the command modules of one bundle, as run-cli registers them. */
export type CommandModules = (io: CliIo, done: (code: number) => void) => readonly CommandModule[];

function nameOf(m: CommandModule): string {
  return typeof m.command === 'string' ? (m.command.trim().split(/\s+/)[0] ?? '') : '';
}

/**
 * Runs `argv` through the handler of the matching module when parseFast takes it, else returns null (the caller
 * then runs the full yargs CLI). Errors are reported as run-cli reports them.
 * @example const code = runFast((io, done) => [runCommand(io, done)], ['run', 'g.ps1'], io) ?? await runCli(argv, io);
 */
export function runFast(modules: CommandModules, argv: readonly string[], io: CliIo): Promise<number> | null {
  let code: number = EXIT.ok;
  const done = (c: number): void => {
    code = c;
  };
  const module = modules(io, done).find((m) => nameOf(m) === argv[0]);
  if (!module) return null;
  const match = parseFast([recordCommand(module)], argv);
  if (!match) return null;
  const handler = match.command.handler!;
  return (async () => {
    try {
      await handler(match.args);
      return code;
    } catch (e) {
      return reportError(e, io);
    }
  })();
}
