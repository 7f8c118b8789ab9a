// The CLI's logger: pino JSON lines to standard error or a file, secrets redacted at any depth.
import { createRequire } from 'node:module';
import type { DestinationStream, Logger } from 'pino';

// pino is required when a logger is made, not when this module loads (CLI start-up).
const requirePino = () => (createRequire(import.meta.url)('pino') as typeof import('pino')).pino;
import { redactDeep } from './redact-deep.js';

/** Log levels the CLI offers (-v raises, --quiet silences). */
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** Options of createLogger. */
export interface LoggerOptions {
  readonly level?: LogLevel;
  /** A file to append JSON lines to (created mode 0600), else standard error. */
  readonly file?: string | undefined;
  /** Where to write instead (tests). */
  readonly stream?: DestinationStream;
}

/**
 * The level from `-v` (repeatable) and `--quiet`: quiet -> silent; none -> warn (info with a log file); -v -> info;
 * -vv -> debug; -vvv -> trace.
 * @example logLevelOf({ verbose: 1 }) // 'info'
 */
export function logLevelOf(flags: {
  readonly verbose?: number | undefined;
  readonly quiet?: boolean | undefined;
  readonly logFile?: string | undefined;
}): LogLevel {
  if (flags.quiet) return 'silent';
  const v = flags.verbose ?? 0;
  if (v >= 3) return 'trace';
  if (v === 2) return 'debug';
  if (v === 1 || flags.logFile !== undefined) return 'info';
  return 'warn';
}

/**
 * A pino logger writing JSON lines; every logged object passes redactDeep, so a secret nested at any depth is censored.
 * @example const log = createLogger({ level: 'info' }); log.info({ command: displayText }, 'executed');
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const pino = requirePino();
  const stream =
    options.stream ??
    (options.file !== undefined
      ? pino.destination({ dest: options.file, append: true, sync: true, mkdir: true, mode: 0o600 } as Parameters<
          typeof pino.destination
        >[0])
      : pino.destination({ dest: 2, sync: true }));
  return pino(
    {
      level: options.level ?? 'warn',
      base: { name: 'exchcert' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // One level of pino's own redaction kept as a belt; the formatter below covers every depth.
      redact: { paths: ['password', '*.password'], censor: '********' },
      formatters: { log: (object) => redactDeep(object) as Record<string, unknown> },
    },
    stream,
  );
}

/** A logger that writes nothing (library callers that pass none). */
export function silentLogger(): Logger {
  return requirePino()({ level: 'silent' });
}

export type { Logger };

/**
 * A logger that makes the pino logger only when something at or above `level` is logged (warn and error by
 * default), so a command that logs nothing never loads pino.
 * @example const log = deferredLogger('warn', () => createLogger({ level: 'warn' })); log.info('skipped');
 */
export function deferredLogger(level: 'warn' | 'silent', make: () => Logger): Logger {
  let real: Logger | undefined;
  const noop = () => undefined;
  const forward =
    (method: 'warn' | 'error' | 'fatal') =>
    (...args: unknown[]) => {
      if (level === 'silent') return;
      real ??= make();
      (real[method] as (...a: unknown[]) => void)(...args);
    };
  return {
    level,
    info: noop,
    debug: noop,
    trace: noop,
    warn: forward('warn'),
    error: forward('error'),
    fatal: forward('fatal'),
  } as unknown as Logger;
}
