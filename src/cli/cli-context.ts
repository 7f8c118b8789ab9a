// What a command handler needs besides its own options: the configuration in force and the logger.
import { resolveConfig } from '../config/resolve-config.js';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { Logger } from '../log/create-logger.js';
import type { CliIo } from './cli-io.js';

/** The configuration and logger of one CLI run. */
export interface CliContext {
  readonly config: ResolvedConfig;
  readonly log: Logger;
  readonly json: boolean;
}

/** The parsed options cliContext reads (any command's arguments object). */
export type CliContextArgs = {
  readonly [K in 'print' | 'backend' | 'state' | 'connect' | 'log-file' | 'verbose' | 'quiet' | 'json']?: unknown;
};

/**
 * Resolves backend/state (option > environment > config file > default) and opens the logger (--log-file or stderr).
 * pino loads here, not at start-up, so commands that log nothing start as fast as before.
 * @example const { config, log } = await cliContext(args, io);
 */
export async function cliContext(args: CliContextArgs, io: CliIo): Promise<CliContext> {
  const { createLogger, deferredLogger, logLevelOf } = await import('../log/create-logger.js');
  const str = (k: keyof CliContextArgs) => (typeof args[k] === 'string' ? (args[k] as string) : undefined);
  const config = resolveConfig({
    backend: args.print === true ? 'print' : str('backend'),
    state: str('state'),
    connect: str('connect'),
    env: io.env,
    cwd: io.cwd,
  });
  const logFile = str('log-file');
  const level = logLevelOf({
    verbose: typeof args.verbose === 'number' ? args.verbose : 0,
    quiet: args.quiet === true,
    logFile,
  });
  const make = () =>
    createLogger({
      level,
      ...(logFile !== undefined ? { file: logFile } : { stream: { write: (s: string) => io.stderr.write(s) } }),
    });
  const log = level === 'warn' || level === 'silent' ? deferredLogger(level, make) : make();
  return { config, log, json: args.json === true };
}
