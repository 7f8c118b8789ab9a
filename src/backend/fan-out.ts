// Many servers: one call per server on a throttled pool of sessions; one server failing does not stop the others.
import { readFileSync } from 'node:fs';
import { ValidationError } from '../errors/validation-error.js';
import type { Backend, RunResult } from './backend.js';

/** What one server's call gave: its RunResult, or the failure that kept it from running. */
export interface ServerRunOutcome {
  readonly server: string;
  readonly ok: boolean;
  readonly result: RunResult | null;
  /** Why the call could not run (connection, bootstrap, timeout); PowerShell's errors are in `result`. */
  readonly error: string | null;
}

const SERVER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,253}$/;

/**
 * Reads `--servers A,B,C` or `@FILE` (one name a line, `#` comments): names in order, duplicates dropped.
 * @example parseServers('AMS-EXCH01, RESEXCH01') // ['AMS-EXCH01', 'RESEXCH01']
 */
export function parseServers(
  value: string,
  readText: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): string[] {
  let names: string[];
  if (value.startsWith('@')) {
    let text: string;
    try {
      text = readText(value.slice(1));
    } catch (e) {
      throw new ValidationError({
        code: 'INVALID_OPTION',
        parameter: 'servers',
        value,
        allowed: 'A,B,C or @FILE (a readable file)',
        message: `--servers '${value}': the file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unreadable'}).`,
      });
    }
    names = text.split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim());
  } else names = value.split(',').map((s) => s.trim());
  names = names.filter((n) => n !== '');
  const bad = names.find((n) => !SERVER_NAME.test(n));
  if (bad !== undefined || names.length === 0) {
    throw new ValidationError({
      code: 'INVALID_OPTION',
      parameter: 'servers',
      value: bad ?? value,
      allowed: 'server names (letters, digits, . _ -), comma-separated or one a line in @FILE',
      message:
        bad !== undefined ? `--servers: '${bad}' is not a server name.` : `--servers '${value}' names no server.`,
    });
  }
  return [...new Set(names)];
}

/** What one server's work came to: its value, or why it failed. */
export type WorkOutcome<T> =
  | { readonly server: string; readonly ok: true; readonly value: T }
  | { readonly server: string; readonly ok: false; readonly error: string; readonly cause: unknown };

/** Something a pool worker holds and closes: a Backend, or a workflow's runner over one. */
export interface Closable {
  close(): Promise<void>;
}

/** Options of fanOutWork: the pool (throttle, sessions) and the work done per server on a session. */
export interface FanOutWorkOptions<S extends Closable, T> {
  /** Sessions working at once (default 4). */
  readonly throttle?: number;
  /** Opens a session; `server` is the first server it will serve (a backend per endpoint can connect there). */
  open(server: string): Promise<S>;
  /** True when each server needs its own session (one endpoint per server). */
  readonly sessionPerServer?: boolean;
  /** True when one session serves every call (in-process backends); opened once, closed at the end. */
  readonly shared?: boolean;
  /** One server's work on a session (several calls in a row, e.g. list, import, enable). */
  work(session: S, server: string): Promise<T>;
  /** True when a thrown error leaves the session usable (PowerShell reported it; the session did not fail). */
  keepSession?(error: unknown): boolean;
  /** Called as each server finishes (progress display). */
  onDone?(outcome: WorkOutcome<T>): void;
}

/**
 * Runs `work` for every server on at most `throttle` sessions at once; outcomes in the servers' order, one server
 * failing does not stop the others.
 * @example
 * await fanOutWork(['A', 'B'], { open: () => createBackend('mock'),
 *   work: async (b, s) => (await b.run(`Get-ExchangeCertificate -Server ${s}`)).ok });
 */
export async function fanOutWork<S extends Closable, T>(
  servers: readonly string[],
  options: FanOutWorkOptions<S, T>,
): Promise<WorkOutcome<T>[]> {
  if (options.shared && servers.length > 0) {
    // One session for every worker, opened once and closed at the end (workers never close it).
    const shared = await options.open(servers[0]!);
    try {
      return await pool(servers, { ...options, open: async () => shared }, async () => undefined);
    } finally {
      await shared.close();
    }
  }
  return pool(servers, options, (s) => s.close());
}

async function pool<S extends Closable, T>(
  servers: readonly string[],
  options: FanOutWorkOptions<S, T>,
  close: (session: S) => Promise<void>,
): Promise<WorkOutcome<T>[]> {
  const outcomes: WorkOutcome<T>[] = new Array<WorkOutcome<T>>(servers.length);
  let next = 0;
  const worker = async () => {
    let session: S | null = null;
    try {
      while (next < servers.length) {
        const index = next++;
        const server = servers[index]!;
        let outcome: WorkOutcome<T>;
        try {
          if (options.sessionPerServer && session) {
            await close(session);
            session = null;
          }
          session ??= await options.open(server);
          outcome = { server, ok: true, value: await options.work(session, server) };
        } catch (e) {
          outcome = { server, ok: false, error: e instanceof Error ? e.message : String(e), cause: e };
          // A session that failed is not reused: the next server gets a fresh one.
          if (session && !options.keepSession?.(e)) {
            await close(session).catch(() => undefined);
            session = null;
          }
        }
        outcomes[index] = outcome;
        options.onDone?.(outcome);
      }
    } finally {
      if (session) await close(session).catch(() => undefined);
    }
  };
  const throttle = Math.max(1, Math.min(options.throttle ?? 4, servers.length));
  await Promise.all(Array.from({ length: throttle }, worker));
  return outcomes;
}

/** Options of fanOut. */
export interface FanOutOptions {
  /** Sessions working at once (default 4). */
  readonly throttle?: number;
  /** Opens a session; `server` is the first server it will serve (a backend per endpoint can connect there). */
  open(server: string): Promise<Backend>;
  /** True when each server needs its own session (one endpoint per server). */
  readonly sessionPerServer?: boolean;
  /** True when one session serves every call (in-process backends); opened once, closed at the end. */
  readonly shared?: boolean;
  /** Runs one server's call on a session. */
  call(backend: Backend, server: string): Promise<RunResult>;
  /** Called as each server finishes (progress display). */
  onDone?: (outcome: ServerRunOutcome) => void;
}

function serverOutcome(o: WorkOutcome<RunResult>): ServerRunOutcome {
  return o.ok
    ? { server: o.server, ok: o.value.ok, result: o.value, error: null }
    : { server: o.server, ok: false, result: null, error: o.error };
}

/**
 * Runs `call` for every server on at most `throttle` sessions at once; results in the servers' order.
 * @example
 * await fanOut(['A', 'B'], { open: () => createBackend('mock'),
 *   call: (b, s) => b.run(compile(getExchangeCertificate({ server: s }))) });
 */
export async function fanOut(servers: readonly string[], options: FanOutOptions): Promise<ServerRunOutcome[]> {
  const { onDone, ...pool } = options;
  const outcomes = await fanOutWork<Backend, RunResult>(servers, {
    ...pool,
    work: (backend, server) => options.call(backend, server),
    ...(onDone ? { onDone: (o: WorkOutcome<RunResult>) => onDone(serverOutcome(o)) } : {}),
  });
  return outcomes.map(serverOutcome);
}
