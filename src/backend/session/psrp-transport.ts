// The PSRP transport: one `pwsh -s` runspace pool; calls are structured pipelines, results typed CLIXML objects.
import type { PacketChannel } from '../../psrp/packet-channel.js';
import { startProcessChannel } from '../../psrp/process-channel.js';
import { PsrpProtocolError } from '../../psrp/psrp-protocol-error.js';
import { RunspacePool } from '../../psrp/runspace-pool.js';
import type { HostAnswer, HostCall } from '../../psrp/runspace-pool.js';
import type { Envelope, PromptRequest } from './envelope.js';
import { findPwsh } from './find-pwsh.js';
import { PsrpCallLoop } from './psrp-call-loop.js';
import { envelopeFromPipeline } from './psrp-envelope.js';
import type { PwshTransportOptions } from './pwsh-transport.js';
import { BootstrapError, SessionDiedError, SessionTimeoutError } from './session-errors.js';
import type { Transport, TransportHandlers, TransportInfo, TransportRequest } from './transport.js';

type Result = Envelope & { readonly notices: readonly string[] };

/** Options of the PSRP transport: the runner's, and where the packets go (default: a local `pwsh -s`). */
export interface PsrpTransportOptions extends PwshTransportOptions {
  /** Opens the channel to a PSRP server (e.g. openSshChannel); no local pwsh is started then. */
  readonly channel?: () => Promise<PacketChannel>;
  /** The PSRP protocol version announced (default: the pool's, 2.4); 2.3 exchanges a session key. */
  readonly protocolVersion?: string;
}

interface Session {
  readonly channel: PacketChannel;
  readonly pool: RunspacePool;
  readonly loop: PsrpCallLoop;
  dead: string | null;
}

const firstLine = (text: string) => {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
};

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** The index of the choice whose hot key (`&Y`) is the answer's letter. */
function choiceIndex(labels: readonly string[], letter: string): number {
  const i = labels.findIndex((l) => new RegExp(`&${letter.replace(/[^A-Za-z]/g, '')}`, 'i').test(l));
  return i;
}

/**
 * A pwsh started as a PSRP server (`-s`), one runspace pool for the session; a drop-in for PwshTransport.
 * @example const t = new PsrpTransport(); const e = await t.invoke({ text: 'Get-Date' }); await t.close();
 */
export class PsrpTransport implements Transport {
  private session: Session | null = null;
  private starting: Promise<TransportInfo> | null = null;
  private version = '';
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private lastDeath: string | null = null;
  private closed = false;

  constructor(private readonly options: PsrpTransportOptions = {}) {}

  /** Starts the session (and its bootstrap) if it is not running. */
  start(): Promise<TransportInfo> {
    if (this.session && !this.session.dead) return Promise.resolve({ version: this.version, restarted: false });
    this.starting ??= this.spawn().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async spawn(): Promise<TransportInfo> {
    const channel = this.options.channel
      ? await this.options.channel()
      : startProcessChannel(findPwsh(this.options.pwsh), ['-NoLogo', '-NoProfile', '-s'], {
          ...(this.options.log ? { log: this.options.log } : {}),
          ...(this.options.cwd !== undefined ? { cwd: this.options.cwd } : {}),
        });
    const pool = new RunspacePool(channel, {
      ...(this.options.log ? { log: this.options.log } : {}),
      ...(this.options.protocolVersion ? { protocolVersion: this.options.protocolVersion } : {}),
    });
    const session: Session = { channel, pool, loop: new PsrpCallLoop(pool), dead: null };
    this.session = session;
    channel.onClose((reason) => {
      session.dead = reason;
      this.lastDeath = reason;
    });
    try {
      await pool.open();
    } catch (e) {
      await channel.close();
      throw new SessionDiedError(`PowerShell ${session.dead ?? (e as Error).message} before the session was ready.`);
    }
    // A local `pwsh -s` runspace starts in $HOME; the runner's (and a console's) starts where the process was started.
    const version = '$PSVersionTable.PSVersion.ToString()';
    const text = this.options.channel
      ? version
      : `Set-Location -LiteralPath ([System.IO.Directory]::GetCurrentDirectory()); ${version}`;
    const v = await this.call(session, { text }, {});
    this.version = String(v.output[0] ?? '');
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
    return { version: this.version, restarted };
  }

  private async kill(session: Session): Promise<void> {
    session.dead ??= 'killed';
    await session.channel.close();
  }

  /** Host calls: Write-Host text collected, prompts to the handlers (null: nobody answers, the pipeline is stopped). */
  private host(handlers: TransportHandlers, hostText: string[]): (call: HostCall) => HostAnswer {
    let promptId = 1;
    const ask = (request: Omit<PromptRequest, 'id'>) => handlers.prompt?.({ id: promptId++, ...request }) ?? null;
    return ({ method, args }) => {
      switch (method) {
        case 'Write1':
        case 'Write2': {
          const text = str(args[args.length - 1]);
          hostText.push(text);
          handlers.host?.(text);
          return null;
        }
        case 'WriteLine1':
        case 'WriteLine2':
        case 'WriteLine3': {
          // Streamed as the runner streams it: the line with its newline.
          const line = `${str(args.length > 0 ? args[args.length - 1] : '')}\n`;
          hostText.push(line);
          handlers.host?.(line);
          return null;
        }
        case 'PromptForChoice': {
          const labels = (Array.isArray(args[2]) ? args[2] : []).map((c) => str((c as Record<string, unknown>).label));
          const a = ask({
            kind: 'choice',
            caption: str(args[0]),
            message: str(args[1]),
            choices: labels.map((l) => l.replace('&', '')),
            defaultChoice: Number(args[3] ?? 0),
          });
          if (!a || !('value' in a)) return null;
          const i = choiceIndex(labels, a.value);
          return i < 0 ? null : { result: i };
        }
        case 'ReadLine': {
          const a = ask({ kind: 'line', caption: '', message: '', choices: [], defaultChoice: 0 });
          return a && 'text' in a ? { result: a.text } : null;
        }
        case 'Prompt': {
          const fields = (Array.isArray(args[2]) ? args[2] : []) as Record<string, unknown>[];
          const answers = new Map<string, unknown>();
          for (const f of fields) {
            const secure = /SecureString/.test(str(f.parameterTypeFullName));
            if (secure) return null;
            const a = ask({ kind: 'line', caption: str(args[0]), message: str(f.name), choices: [], defaultChoice: 0 });
            if (!a || !('text' in a)) return null;
            answers.set(str(f.name), a.text);
          }
          return { result: answers };
        }
        default:
          return null;
      }
    };
  }

  private async call(session: Session, request: TransportRequest, handlers: TransportHandlers): Promise<Envelope> {
    const id = this.nextId++;
    const command = firstLine(request.displayText ?? request.text);
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs ?? 300_000;
    const started = performance.now();
    const hostText: string[] = [];
    const abort = new AbortController();
    let timedOut = false;
    let killed = false;
    let killTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      this.options.log?.(`psrp: '${command}' timed out after ${timeoutMs} ms; stopping it`);
      abort.abort();
      killTimer = setTimeout(() => {
        killed = true;
        this.options.log?.(`psrp: '${command}' did not stop; killing the session`);
        void this.kill(session);
      }, this.options.stopGraceMs ?? 3000);
    }, timeoutMs);
    const onAbort = () => abort.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    if (request.signal?.aborted) onAbort();
    try {
      const result = await session.loop.call(request, { host: this.host(handlers, hostText), signal: abort.signal });
      if (timedOut && result.state === 'Stopped') throw new SessionTimeoutError(command, timeoutMs, false);
      return envelopeFromPipeline(id, result, hostText.join(''), performance.now() - started);
    } catch (e) {
      if (timedOut && killed) throw new SessionTimeoutError(command, timeoutMs, true);
      if (e instanceof PsrpProtocolError && e.where === 'session')
        throw new SessionDiedError(
          `PowerShell ${session.dead ?? 'session broke'} while running '${command}'; the next call starts a fresh session.`,
        );
      throw e;
    } finally {
      request.signal?.removeEventListener('abort', onAbort);
      clearTimeout(timer);
      clearTimeout(killTimer);
    }
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
        this.options.log?.(`psrp: ${notices[0]}`);
        this.lastDeath = null;
      }
      const envelope = await this.call(this.session!, request, handlers);
      return { ...envelope, notices };
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Closes the pool and ends pwsh. */
  async close(): Promise<void> {
    this.closed = true;
    const s = this.session;
    this.session = null;
    if (!s || s.dead) return;
    await s.loop.end().catch(() => undefined);
    await s.pool.close();
  }
}
