// `exchcert engine serve`: the mock's Exchange engine on a local socket, one JSON line per request and per answer.
import { chmodSync, existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { AnswerPending, MockTerminatingError } from '../../engine/mock-exchange.js';
import type { AnswerProvider, CmdletCall } from '../../engine/mock-exchange.js';
import type { ShellVersion } from '../../spec/shell-version.js';
import { advanceClock } from '../../engine/org-admin.js';
import { openMockState } from '../mock/mock-state.js';
import type { MockState } from '../mock/mock-state.js';
import { engineParameterName, fromWire, toWire } from './engine-protocol.js';
import { engineSocketPath } from './engine-socket-path.js';
import type { EngineRequest, EngineResponse, WireAnswer } from './engine-protocol.js';

/** Options of serveEngine. */
export interface EngineServerOptions {
  /** The state folder (the same as `--backend mock --state`). */
  readonly stateDir: string;
  /** `process.platform` (named pipe on win32, Unix socket elsewhere). */
  readonly platform: string;
  /** One line per start, stop and call (cmdlet name and time only: parameters and secrets are never logged). */
  readonly log?: (line: string) => void;
  /** The engine's process id, told to clients on `hello`. */
  readonly pid?: number;
  /** Stops the engine after this long without a request or a connection (default: never). */
  readonly idleTimeoutMs?: number;
  /** Another protocol on the same socket (`exchcert engine serve` runs forwarded command lines this way). */
  readonly handover?: ConnectionHandover;
  /** Runs before the engine listens (not when another engine already serves the state): its first callers find it warm. */
  readonly warmUp?: () => Promise<readonly number[]>;
}

/** What a handed-over connection may ask of the engine. */
export interface EngineHooks {
  /** Tops the state's RSA key pool up in the background (after work nobody waits for any more). */
  refillKeys(): void;
}

/** A protocol beside the engine's own: it takes the connections whose first line (parsed JSON) it claims. */
export interface ConnectionHandover {
  take(socket: Socket, first: unknown, engine: EngineHooks): boolean;
}

/** A running engine. */
export interface EngineServer {
  readonly path: string;
  /** Resolves when the engine has stopped (close() or the idle timeout). */
  readonly stopped: Promise<void>;
  close(): Promise<void>;
}

/** Raised when another engine already serves the state folder. */
export class EngineRunningError extends Error {}

const SHELLS: readonly string[] = ['2.0', '5.1', '7'];

/** Answers from the client in order; past them the engine stops the call and asks the client (AnswerPending). */
function replayAnswers(given: readonly WireAnswer[]): AnswerProvider {
  let next = 0;
  return {
    answer(prompt) {
      if (next < given.length) return given[next++] ?? null;
      throw new AnswerPending(prompt);
    },
  };
}

/** The action text of a ShouldProcess question (after the query line); the message itself for ShouldContinue. */
function actionOf(kind: string, message: string): string {
  if (kind !== 'ShouldProcess') return message;
  const at = message.indexOf('\r\n');
  return at < 0 ? message : message.slice(at + 2);
}

/** The state's first server; concurrent first calls share one defaultServer() (it creates the reference organization). */
function defaultServerOf(state: MockState): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => {
    pending ??= state.exchange.defaultServer().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

async function handle(
  state: MockState,
  defaultServer: () => Promise<string>,
  request: EngineRequest,
  pid: number | undefined,
): Promise<EngineResponse> {
  const connectedServer = request.connectedServer ? request.connectedServer : await defaultServer();
  if (request.op === 'resolvePath')
    return {
      id: request.id,
      kind: 'done',
      connectedServer,
      hostPath: state.fs.resolve(String(request.path ?? '')),
      output: [],
      errors: [],
      warnings: [],
      terminating: null,
    };
  if (request.op === 'sleep') {
    const ms = Number(request.ms);
    if (!Number.isFinite(ms) || ms < 0)
      return {
        id: request.id,
        kind: 'fault',
        message: `sleep: ms must be a number >= 0, not '${String(request.ms)}'.`,
      };
    advanceClock(state.store, ms);
  }
  if (request.op === 'hello' || request.op === 'sleep')
    return {
      id: request.id,
      kind: 'done',
      connectedServer,
      ...(pid !== undefined ? { pid } : {}),
      output: [],
      errors: [],
      warnings: [],
      terminating: null,
    };
  const client = request.shouldProcess === 'client';
  const parameters: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(request.parameters ?? {})) {
    if (client && /^(WhatIf|Confirm)$/i.test(name)) continue;
    parameters[engineParameterName(name)] = fromWire(value);
  }
  // Every ShouldProcess question comes back to the module, whose $PSCmdlet.ShouldProcess decides natively
  // (-WhatIf, -Confirm, $ConfirmPreference against ConfirmImpact).
  if (client) parameters['confirm'] = true;
  const call: CmdletCall = {
    cmdlet: String(request.cmdlet),
    parameterSet: String(request.parameterSet ?? ''),
    parameters,
    connectedServer,
    shell: (SHELLS.includes(String(request.shell)) ? request.shell : '7') as ShellVersion,
    line: request.line ?? null,
    column: request.column ?? null,
  };
  try {
    const outcome = await state.exchange.invoke(call, replayAnswers(request.answers ?? []));
    return {
      id: request.id,
      kind: 'done',
      connectedServer,
      output: outcome.output.map(toWire),
      errors: outcome.errors,
      warnings: outcome.warnings,
      terminating: null,
    };
  } catch (error) {
    if (error instanceof AnswerPending)
      return {
        id: request.id,
        kind: 'prompt',
        prompt: { ...error.prompt, action: actionOf(error.prompt.kind, error.prompt.message) },
      };
    if (error instanceof MockTerminatingError)
      return {
        id: request.id,
        kind: 'done',
        connectedServer,
        output: [],
        errors: [],
        warnings: [],
        terminating: error.record,
      };
    throw error;
  }
}

/** True when something answers on the socket (a live engine), false when nothing does (a stale file). */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Serves one connection: requests are handled as they arrive, answers written as they finish (each carries its id). */
function serveConnection(
  socket: Socket,
  state: MockState,
  defaultServer: () => Promise<string>,
  pid: number | undefined,
  log: (line: string) => void,
  touch: () => void,
  handover: ConnectionHandover | undefined,
): void {
  const lines = createInterface({ input: socket, crlfDelay: Infinity });
  let first = true;
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    touch();
    const started = performance.now();
    let request: EngineRequest;
    try {
      request = JSON.parse(line) as EngineRequest;
    } catch {
      socket.write(`${JSON.stringify({ id: 0, kind: 'fault', message: 'The request is not one line of JSON.' })}\n`);
      return;
    }
    if (first) {
      first = false;
      const hooks: EngineHooks = { refillKeys: () => state.keyPool.refill() };
      if (handover?.take(socket, request, hooks)) {
        lines.close();
        socket.resume(); // closing the line reader paused the socket; the new protocol reads it from here on
        socket.once('close', touch);
        return;
      }
    }
    void handle(state, defaultServer, request, pid)
      .catch((error: unknown): EngineResponse => {
        const message = error instanceof Error ? error.message : String(error);
        return { id: request.id, kind: 'fault', message };
      })
      .then((response) => {
        log(
          `${request.op === 'hello' ? 'hello' : String(request.cmdlet)} ${response.kind} ${(performance.now() - started).toFixed(1)} ms`,
        );
        if (!socket.destroyed) socket.write(`${JSON.stringify(response)}\n`);
        touch();
      });
  });
  socket.on('error', () => socket.destroy());
}

/**
 * Starts the engine on the state folder's socket (mode 0600); a stale socket file is replaced, a live engine is an
 * EngineRunningError.
 * @example const engine = await serveEngine({ stateDir: '.exchcert', platform: process.platform }); await engine.close();
 */
export async function serveEngine(options: EngineServerOptions): Promise<EngineServer> {
  const log = options.log ?? (() => undefined);
  mkdirSync(options.stateDir, { recursive: true, mode: 0o700 });
  const path = engineSocketPath(options.stateDir, options.platform);
  if (options.warmUp && !(await answers(path))) {
    const started = performance.now();
    const codes = await options.warmUp();
    log(
      `warmed up in ${(performance.now() - started).toFixed(0)} ms (exit codes: ${codes.join(' ') || 'none, no server'})`,
    );
  }
  const state = openMockState(options.stateDir);
  const defaultServer = defaultServerOf(state);
  const sockets = new Set<Socket>();
  let idle: NodeJS.Timeout | undefined;
  let close: () => Promise<void> = () => Promise.resolve();
  const touch = () => {
    if (options.idleTimeoutMs === undefined) return;
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void close(), options.idleTimeoutMs);
    idle.unref();
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, state, defaultServer, options.pid, log, touch, options.handover);
  });
  try {
    await listen(server, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (await answers(path)) {
      state.close();
      throw new EngineRunningError(`An engine already serves ${options.stateDir} (${path}).`);
    }
    log(`removing the stale socket ${path}`);
    if (options.platform !== 'win32' && existsSync(path)) unlinkSync(path);
    await listen(server, path);
  }
  if (options.platform !== 'win32') chmodSync(path, 0o600);
  log(`listening on ${path}`);
  touch();
  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  let closing: Promise<void> | undefined;
  close = () =>
    (closing ??= (async () => {
      if (idle) clearTimeout(idle);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await state.settled();
      state.close();
      log('stopped');
      resolveStopped();
    })());
  return { path, stopped, close };
}
