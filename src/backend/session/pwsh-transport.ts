// The persistent session transport: one long-lived pwsh running the runner, JSON-line frames both ways (UTF-8).
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import type { Envelope, PromptRequest } from './envelope.js';
import { envelopeFromFrame, stripAnsi } from './envelope.js';
import { findPwsh, runnerScriptPath } from './find-pwsh.js';
import { BootstrapError, SessionDiedError, SessionTimeoutError } from './session-errors.js';
import type { Transport, TransportHandlers, TransportInfo, TransportRequest } from './transport.js';

/** Options of the pwsh transport. */
export interface PwshTransportOptions {
  /** pwsh or powershell.exe to start (default: found on PATH). */
  readonly pwsh?: string;
  /** Run after every (re)start, in order; a failing step is a BootstrapError. */
  readonly bootstrap?: readonly TransportRequest[];
  /** pwsh's working directory (default: this process's). */
  readonly cwd?: string;
  /** Default timeout of a call (default 300000 ms). */
  readonly timeoutMs?: number;
  /** After Stop(), how long to wait before killing pwsh (default 3000 ms). */
  readonly stopGraceMs?: number;
  /** stderr lines, stray output and restarts (never failures). */
  readonly log?: (line: string) => void;
}

type Result = Envelope & { readonly notices: readonly string[] };

interface Pending {
  readonly id: number;
  readonly command: string;
  readonly handlers: TransportHandlers;
  resolve(envelope: Envelope): void;
  reject(error: Error): void;
}

interface Session {
  readonly process: ResultPromise<{ stdin: 'pipe'; stdout: 'pipe'; stderr: 'pipe'; buffer: false; reject: false }>;
  readonly ready: Promise<string>;
  pending: Pending | null;
  dead: string | null;
}

const firstLine = (text: string) => {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
};

/**
 * A pwsh process running powershell/runner/runner.ps1: one persistent runspace, calls one at a time.
 * @example const t = new PwshTransport(); const e = await t.invoke({ text: '$PSVersionTable.PSVersion' }); await t.close();
 */
export class PwshTransport implements Transport {
  private session: Session | null = null;
  private starting: Promise<TransportInfo> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private lastDeath: string | null = null;
  private closed = false;

  constructor(private readonly options: PwshTransportOptions = {}) {}

  private log(line: string): void {
    this.options.log?.(line);
  }

  /** Starts the session (and its bootstrap) if it is not running. */
  start(): Promise<TransportInfo> {
    if (this.session && !this.session.dead)
      return this.session.ready.then((version) => ({ version, restarted: false }));
    this.starting ??= this.spawn().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async spawn(): Promise<TransportInfo> {
    const pwsh = findPwsh(this.options.pwsh);
    const args = ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', runnerScriptPath()];
    const child = execa(pwsh, args, {
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      buffer: false,
      reject: false,
      ...(this.options.cwd !== undefined ? { cwd: this.options.cwd } : {}),
      env: { NO_COLOR: '1', TERM: 'dumb', POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off' },
    });
    let readyResolve!: (v: string) => void;
    let readyReject!: (e: Error) => void;
    const ready = new Promise<string>((res, rej) => {
      readyResolve = res;
      readyReject = rej;
    });
    ready.catch(() => undefined);
    const session: Session = { process: child, ready, pending: null, dead: null };
    this.session = session;
    createInterface({ input: child.stdout }).on('line', (line) => this.onLine(session, line, readyResolve));
    createInterface({ input: child.stderr }).on('line', (line) => this.log(`pwsh stderr: ${stripAnsi(line)}`));
    child.stdin.on('error', () => undefined);
    void child.then((r) => {
      const why = r.signal ? `killed by ${r.signal}` : `exited with code ${String(r.exitCode)}`;
      const reason = (r as { code?: string }).code === 'ENOENT' ? `could not be started (${pwsh})` : why;
      session.dead = reason;
      this.lastDeath = reason;
      readyReject(new SessionDiedError(`PowerShell ${reason} before the session was ready.`));
      const p = session.pending;
      session.pending = null;
      p?.reject(
        new SessionDiedError(
          `PowerShell ${reason} while running '${p.command}'; the next call starts a fresh session.`,
        ),
      );
    });
    const version = await ready;
    const restarted = this.lastDeath !== null;
    for (const step of this.options.bootstrap ?? []) {
      const e = await this.call(session, step, {});
      if (e.errors.length > 0 || e.stopped) {
        await this.kill(session);
        const messages = e.errors.map((x) => `${x.command ? `${x.command}: ` : ''}${x.message}`).join(' ');
        throw new BootstrapError(
          `The session's bootstrap failed at '${firstLine(step.displayText ?? step.text)}': ${messages || 'stopped'}`,
        );
      }
    }
    return { version, restarted };
  }

  private onLine(session: Session, line: string, ready: (v: string) => void): void {
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(line) as Record<string, unknown>;
      if (typeof frame !== 'object' || frame === null || typeof frame.t !== 'string') throw new Error('not a frame');
    } catch {
      this.log(`pwsh stray output: ${stripAnsi(line).slice(0, 200)}`);
      return;
    }
    const p = session.pending;
    switch (frame.t) {
      case 'ready':
        ready(String(frame.version));
        return;
      case 'host':
        if (p && Number(frame.call) === p.id) p.handlers.host?.(stripAnsi(String(frame.text)));
        return;
      case 'prompt': {
        const request: PromptRequest = {
          id: Number(frame.id),
          kind: frame.kind as PromptRequest['kind'],
          caption: String(frame.caption),
          message: String(frame.message),
          choices: (frame.choices as string[]) ?? [],
          defaultChoice: Number(frame.default),
        };
        const answer = p && Number(frame.call) === p.id && p.handlers.prompt ? p.handlers.prompt(request) : null;
        this.send(session, { t: 'answer', id: request.id, ...(answer ?? {}) });
        return;
      }
      case 'result':
      case 'fatal':
        if (!p || Number(frame.id) !== p.id) {
          this.log(`pwsh: result of call ${String(frame.id)} arrived after it was given up`);
          return;
        }
        session.pending = null;
        if (frame.t === 'fatal')
          p.reject(new SessionDiedError(`The session runner failed: ${String(frame.message).split('\n')[0]}`));
        else p.resolve(envelopeFromFrame(frame));
        return;
    }
  }

  private send(session: Session, frame: unknown): void {
    session.process.stdin.write(`${JSON.stringify(frame)}\n`);
  }

  private async kill(session: Session): Promise<void> {
    session.dead ??= 'killed';
    session.process.kill('SIGKILL');
    await session.process.catch(() => undefined);
  }

  private call(session: Session, request: TransportRequest, handlers: TransportHandlers): Promise<Envelope> {
    const id = this.nextId++;
    const command = firstLine(request.displayText ?? request.text);
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs ?? 300_000;
    return new Promise<Envelope>((resolve, reject) => {
      // eslint-disable-next-line prefer-const -- done() above the assignment clears it, so it is declared first
      let timer: NodeJS.Timeout | undefined;
      let killTimer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        this.log(`pwsh: '${command}' aborted by the caller; stopping it`);
        this.send(session, { t: 'stop', id });
      };
      const done = () => {
        clearTimeout(timer);
        clearTimeout(killTimer);
        request.signal?.removeEventListener('abort', onAbort);
      };
      session.pending = {
        id,
        command,
        handlers,
        resolve: (e) => {
          done();
          if (e.stopped && timedOut) reject(new SessionTimeoutError(command, timeoutMs, false));
          else resolve(e);
        },
        reject: (err) => {
          done();
          reject(timedOut && killed ? new SessionTimeoutError(command, timeoutMs, true) : err);
        },
      };
      let timedOut = false;
      let killed = false;
      timer = setTimeout(() => {
        timedOut = true;
        this.log(`pwsh: '${command}' timed out after ${timeoutMs} ms; stopping it`);
        this.send(session, { t: 'stop', id });
        killTimer = setTimeout(() => {
          killed = true;
          this.log(`pwsh: '${command}' did not stop; killing the session`);
          void this.kill(session);
        }, this.options.stopGraceMs ?? 3000);
      }, timeoutMs);
      const secrets =
        request.secrets && request.secrets.size > 0
          ? Object.fromEntries([...request.secrets].map(([k, v]) => [k, v.reveal()]))
          : undefined;
      this.send(session, {
        t: 'run',
        id,
        text: request.text,
        ...(request.scriptPath !== undefined ? { path: request.scriptPath } : {}),
        ...(secrets ? { secrets } : {}),
        ...(request.variables ? { vars: request.variables } : {}),
      });
      request.signal?.addEventListener('abort', onAbort, { once: true });
      if (request.signal?.aborted) onAbort();
    });
  }

  /** Runs one call; a dead session is replaced by a fresh one first (the result's notices say so). */
  invoke(request: TransportRequest, handlers: TransportHandlers = {}): Promise<Result> {
    const run = async (): Promise<Result> => {
      if (this.closed) throw new SessionDiedError('The PowerShell session is closed.');
      const died = this.session?.dead ?? null;
      const info = await this.start();
      const notices =
        info.restarted && died !== null
          ? [
              `The previous PowerShell session ended (${died}); this call ran in a fresh session, so earlier variables are gone.`,
            ]
          : [];
      if (notices.length > 0) {
        this.log(`pwsh: ${notices[0]}`);
        this.lastDeath = null;
      }
      const envelope = await this.call(this.session!, request, handlers);
      return { ...envelope, notices };
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Ends the session: asks the runner to exit, kills it if it does not. */
  async close(): Promise<void> {
    this.closed = true;
    const s = this.session;
    this.session = null;
    if (!s || s.dead) return;
    try {
      this.send(s, { t: 'exit' });
      s.process.stdin.end();
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => s.process.kill('SIGKILL'), 2000);
    await s.process.catch(() => undefined);
    clearTimeout(timer);
  }
}
