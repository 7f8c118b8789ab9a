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
export function parseServers(value: string, readText: (path: string) => string = (p) => readFileSync(p,
    'utf8')): string[] {
  let names: string[];
  if (value.startsWith('@')) {
    let text: string;
    try {
      text = readText(value.slice(1));
    } catch (e) {
      throw new ValidationError({ code: 'INVALID_OPTION', parameter: 'servers', value,
          allowed: 'A,B,C or @FILE (a readable file)',
        message: `--servers '${value}': the file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unreadable'}).` });
    }
    names = text.split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim());
  } else names = value.split(',').map((s) => s.trim());
  names = names.filter((n) => n !== '');
  const bad = names.find((n) => !SERVER_NAME.test(n));
  if (bad !== undefined || names.length === 0) {
    throw new ValidationError({ code: 'INVALID_OPTION', parameter: 'servers', value: bad ?? value,
        allowed: 'server names (letters, digits, . _ -), comma-separated or one a line in @FILE',
      message: bad !== undefined ? `--servers: '${bad}' is not a server name.` : `--servers '${value}' names no server.` });
  }
  return [...new Set(names)];
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
  onDone?(outcome: ServerRunOutcome): void;
}

/**
 * Runs `call` for every server on at most `throttle` sessions at once; results in the servers' order.
 * @example await fanOut(['A', 'B'], { open: () => createBackend('mock'), call: (b, s) => b.run(compile(getExchangeCertificate({ server: s }))) })
 */
export async function fanOut(servers: readonly string[], options: FanOutOptions): Promise<ServerRunOutcome[]> {
  if (options.shared && servers.length > 0) {
    const shared = await options.open(servers[0]!);
    try {
      return await fanOut(servers, { ...options, shared: false, open: async () => ({ ...shared,
          close: async () => undefined }) });
    } finally {
      await shared.close();
    }
  }
  const outcomes: ServerRunOutcome[] = new Array<ServerRunOutcome>(servers.length);
  let next = 0;
  const worker = async () => {
    let session: Backend | null = null;
    try {
      while (next < servers.length) {
        const index = next++;
        const server = servers[index]!;
        let outcome: ServerRunOutcome;
        try {
          if (options.sessionPerServer && session) {
            await session.close();
            session = null;
          }
          session ??= await options.open(server);
          const result = await options.call(session, server);
          outcome = { server, ok: result.ok, result, error: null };
        } catch (e) {
          outcome = { server, ok: false, result: null, error: e instanceof Error ? e.message : String(e) };
          // A session that failed is not reused: the next server gets a fresh one.
          await session?.close().catch(() => undefined);
          session = null;
        }
        outcomes[index] = outcome;
        options.onDone?.(outcome);
      }
    } finally {
      await session?.close().catch(() => undefined);
    }
  };
  const throttle = Math.max(1, Math.min(options.throttle ?? 4, servers.length));
  await Promise.all(Array.from({ length: throttle }, worker));
  return outcomes;
}
