// A PSRP runspace pool client over out-of-process packets: open, run pipelines, host calls, stop by Signal, close.
import { randomUUID } from 'node:crypto';
import { readClixmlElement } from './clixml-reader.js';
import type { ClixmlReadOptions } from './clixml-reader.js';
import { ClixmlWriter } from './clixml-writer.js';
import { Defragmenter, fragmentMessage } from './fragment.js';
import { decodeMessage, Destination, EMPTY_GUID, encodeMessage } from './message.js';
import { MessageType, messageTypeName } from './message-type.js';
import { packetLine, parsePacket } from './out-of-proc-packet.js';
import type { OutOfProcPacket } from './out-of-proc-packet.js';
import type { PacketChannel } from './packet-channel.js';
import { createPipeline, hostException, hostResponse, initRunspacePool, sessionCapability } from './pool-messages.js';
import type { PsrpCommand } from './pool-messages.js';
import { ps } from './ps-value.js';
import type { PsValueInput } from './ps-value.js';
import { PsrpProtocolError } from './psrp-protocol-error.js';
import { ClientSessionKey, decryptSecureString, encryptSecureString } from './session-key.js';
import { Secret } from '../node/secret.js';

/** A host method call the server makes while a pipeline runs (prompts, Write-Host). */
export interface HostCall {
  /** RemoteHostMethodId name, e.g. `PromptForChoice`, `ReadLine`, `Prompt`, `WriteLine2`. */
  readonly method: string;
  readonly args: readonly unknown[];
}

/** The answer to a host call: `{ result }` to return a value, null when nobody can answer (the pipeline is stopped). */
export type HostAnswer = { readonly result: unknown } | null;

/** Everything one pipeline produced. */
export interface PipelineResult {
  readonly output: unknown[];
  /** ErrorRecords as decoded objects (non-terminating, then the terminating one). */
  readonly errors: Record<string, unknown>[];
  /** The error that ended a Failed pipeline (also the last of `errors`). */
  readonly terminating: Record<string, unknown> | null;
  readonly warnings: Record<string, unknown>[];
  readonly verbose: Record<string, unknown>[];
  readonly debug: Record<string, unknown>[];
  readonly information: Record<string, unknown>[];
  /** Completed, Stopped or Failed. */
  readonly state: 'Completed' | 'Stopped' | 'Failed';
}

/** The record streams of a pipeline, named as in PipelineResult. */
export type RecordStream = 'output' | 'errors' | 'warnings' | 'verbose' | 'debug' | 'information';

/** Options of one pipeline. */
export interface InvokeOptions {
  /** Answers host calls; void methods (Write*) may return null. */
  readonly host?: (call: HostCall) => HostAnswer;
  /** Aborting stops the pipeline with a Signal. */
  readonly signal?: AbortSignal;
  /** Receives each record as it arrives; the result then holds none (only the terminating error). */
  readonly onRecord?: (stream: RecordStream, value: unknown) => void;
  /** True: the pipeline reads input objects sent with the handle's `input()` until `endInput()`. */
  readonly input?: boolean;
}

/** A started pipeline. */
export interface PipelineHandle {
  readonly pid: string;
  /** Resolves when the pipeline ends (Completed, Stopped or Failed). */
  readonly finished: Promise<PipelineResult>;
  /** Sends one input object (a pipeline started with `input: true`). */
  input(value: PsValueInput): Promise<void>;
  /** Ends the input: the pipeline's reading of `$input` ends. */
  endInput(): Promise<void>;
  /** Stops the pipeline with a Signal. */
  stop(): Promise<void>;
}

/** Options of a pool. */
export interface RunspacePoolOptions {
  /**
   * Protocol version announced (default 2.4). Below 2.4 on either side (Windows PowerShell 5.1, Exchange), open()
   * also exchanges the session key that SecureStrings are encrypted with.
   */
  readonly protocolVersion?: string;
  readonly log?: (line: string) => void;
}

interface Running {
  readonly pid: string;
  readonly result: {
    output: unknown[];
    errors: Record<string, unknown>[];
    warnings: Record<string, unknown>[];
    verbose: Record<string, unknown>[];
    debug: Record<string, unknown>[];
    information: Record<string, unknown>[];
  };
  readonly options: InvokeOptions;
  done(r: PipelineResult): void;
  fail(e: Error): void;
}

const POOL_STATES = [
  'BeforeOpen',
  'Opening',
  'Opened',
  'Closed',
  'Closing',
  'Broken',
  'NegotiationSent',
  'NegotiationSucceeded',
  'Connecting',
  'Disconnected',
];
const PIPELINE_STATES = ['NotStarted', 'Running', 'Stopping', 'Stopped', 'Completed', 'Failed', 'Disconnected'];
const VOID_HOST_METHODS =
  /^(Write|SetShouldExit|NotifyBeginApplication|NotifyEndApplication|EnterNestedPrompt|ExitNestedPrompt|Set)/;

/** What a non-interactive PowerShell host says when it is asked for input. */
export const NON_INTERACTIVE = 'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.';

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };

/** `a < b` for dotted version numbers. */
function versionBelow(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

/** The message of an ErrorRecord as PowerShell shows it (ErrorDetails first, then the exception). */
export function errorRecordMessage(e: Record<string, unknown>): string {
  const details = e.ErrorDetails_Message;
  if (typeof details === 'string' && details !== '') return details;
  const ex = asRecord(e.Exception);
  return typeof ex.Message === 'string' ? ex.Message : String(e.ToString ?? 'error');
}

/**
 * One runspace pool of one runspace on a PacketChannel; pipelines run one at a time.
 * @example const pool = new RunspacePool(channel); await pool.open(); const r = await pool.invoke([{ name: 'Get-Date' }]);
 */
export class RunspacePool {
  readonly rpid = randomUUID();
  /** The server's protocol version (after open). */
  serverProtocol = '';
  /** The pool's state name. */
  state = 'BeforeOpen';
  private objectId = 1n;
  private sending: Promise<void> = Promise.resolve();
  private readonly defrag = new Defragmenter();
  private readonly acks = new Map<string, () => void>();
  private running: Running | null = null;
  private opened: { resolve(): void; reject(e: Error): void } | null = null;
  private closedReason: string | null = null;
  private readonly readOptions: ClixmlReadOptions;
  private clientKey: ClientSessionKey | null = null;
  private sessionKey: Buffer | null = null;
  private keyWaiter: { resolve(): void; reject(e: Error): void } | null = null;
  private closing: Promise<void> = Promise.resolve();

  constructor(
    private readonly channel: PacketChannel,
    private readonly options: RunspacePoolOptions = {},
  ) {
    this.readOptions = { secureString: (body) => this.readSecure(body) };
    channel.onLine((line) => this.onLine(line));
    channel.onClose((reason) => this.onClosed(reason));
  }

  /** The protocol both sides speak: the lower of the two versions. */
  get protocolVersion(): string {
    const ours = this.options.protocolVersion ?? '2.4';
    return this.serverProtocol !== '' && versionBelow(this.serverProtocol, ours) ? this.serverProtocol : ours;
  }

  /** True when SecureStrings travel encrypted under the session key (protocol below 2.4). */
  get usesSessionKey(): boolean {
    return versionBelow(this.protocolVersion, '2.4');
  }

  /** True once the server's ENCRYPTED_SESSION_KEY was decrypted. */
  get hasSessionKey(): boolean {
    return this.sessionKey !== null;
  }

  /** 2.4: base64 of the UTF-16 text (the transport encrypts); 2.3: AES-256-CBC under the session key. */
  private readSecure(body: string): Secret {
    if (this.sessionKey) return decryptSecureString(this.sessionKey, body);
    if (this.usesSessionKey) throw new PsrpProtocolError('key exchange', 'a SecureString came before the session key');
    const t = body.trim();
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0)
      throw new PsrpProtocolError('clixml', '<SS> is not base64 of UTF-16 text');
    return new Secret(Buffer.from(t, 'base64').toString('utf16le'));
  }

  private writer(): ClixmlWriter {
    return new ClixmlWriter({
      secureString: (value) => {
        if (this.sessionKey) return encryptSecureString(this.sessionKey, value);
        if (this.usesSessionKey)
          throw new PsrpProtocolError('key exchange', 'no session key to encrypt a SecureString');
        return Buffer.from(value.reveal(), 'utf16le').toString('base64');
      },
    });
  }

  /** Sends our public key (PUBLIC_KEY) and resolves when the server's ENCRYPTED_SESSION_KEY is decrypted. */
  exchangeKey(): Promise<void> {
    const done = new Promise<void>((resolve, reject) => (this.keyWaiter = { resolve, reject }));
    this.clientKey ??= new ClientSessionKey();
    const data = this.writer().write(
      ps.object({ extended: { PublicKey: this.clientKey.publicKeyBlob().toString('base64') } }),
    );
    void this.dataPacket(EMPTY_GUID, 'Default', [{ type: MessageType.PUBLIC_KEY, pid: EMPTY_GUID, data }]);
    return done;
  }

  /** Sends messages as one Data packet, after the previous packet's DataAck (the server takes one at a time). */
  private dataPacket(
    psGuid: string,
    stream: string,
    bodies: readonly { type: number; pid: string; data: string }[],
  ): Promise<void> {
    const frags = bodies.flatMap((b) =>
      fragmentMessage(
        this.objectId++,
        encodeMessage({ destination: Destination.SERVER, type: b.type, rpid: this.rpid, pid: b.pid, data: b.data }),
      ),
    );
    const send = async () => {
      for (const f of frags) {
        const ack = this.expectAck('DataAck', psGuid);
        this.channel.write(packetLine({ kind: 'Data', psGuid, stream, data: f }));
        await ack;
      }
    };
    const next = this.sending.then(send, send);
    this.sending = next.catch(() => undefined);
    return next;
  }

  private expectAck(kind: string, psGuid: string): Promise<void> {
    return new Promise((resolve) => this.acks.set(`${kind}:${psGuid}`, resolve));
  }

  /** Negotiates the session and opens the pool; rejects when the server reports it Broken. */
  open(): Promise<void> {
    const w = this.writer();
    const opened = new Promise<void>((resolve, reject) => (this.opened = { resolve, reject }));
    void this.dataPacket(EMPTY_GUID, 'Default', [
      {
        type: MessageType.SESSION_CAPABILITY,
        pid: EMPTY_GUID,
        data: sessionCapability(w, this.options.protocolVersion ?? '2.4'),
      },
      { type: MessageType.INIT_RUNSPACEPOOL, pid: EMPTY_GUID, data: initRunspacePool(this.writer()) },
    ]);
    return this.openThenExchangeKey(opened);
  }

  private async openThenExchangeKey(opened: Promise<void>): Promise<void> {
    await opened;
    if (this.usesSessionKey && !this.sessionKey) await this.exchangeKey();
  }

  /** Runs one statement of piped commands; resolves when the pipeline ends (also when stopped). */
  async invoke(commands: readonly PsrpCommand[], options: InvokeOptions = {}): Promise<PipelineResult> {
    return (await this.start(commands, options)).finished;
  }

  /**
   * Starts one statement of piped commands; resolves once the server has it. With `input: true` it runs until
   * `endInput()` (a long-lived pipeline fed by input objects).
   * @example const p = await pool.start([{ name: 'ForEach-Object', args: [{ name: 'Process', value: ... }] }], { input: true });
   */
  async start(commands: readonly PsrpCommand[], options: InvokeOptions = {}): Promise<PipelineHandle> {
    if (this.closedReason !== null) throw new PsrpProtocolError('session', `the pool is closed (${this.closedReason})`);
    if (this.state !== 'Opened') throw new PsrpProtocolError('session', `the pool is ${this.state}, not Opened`);
    if (this.running) throw new PsrpProtocolError('session', 'a pipeline is already running in this pool');
    const pid = randomUUID();
    const ended = new Promise<PipelineResult>((resolve, reject) => {
      this.running = {
        pid,
        options,
        result: { output: [], errors: [], warnings: [], verbose: [], debug: [], information: [] },
        done: resolve,
        fail: reject,
      };
    });
    ended.catch(() => undefined);
    const onAbort = () => void this.stop(pid);
    const finished = ended.finally(() => {
      options.signal?.removeEventListener('abort', onAbort);
      this.running = null;
      if (this.closedReason === null) {
        // The server disposes the pipeline while the next one is set up: its CloseAck is not waited for here.
        this.closing = this.expectAck('CloseAck', pid);
        this.channel.write(packetLine({ kind: 'Close', psGuid: pid }));
      }
    });
    finished.catch(() => undefined);
    const commandAck = this.expectAck('CommandAck', pid);
    this.channel.write(packetLine({ kind: 'Command', psGuid: pid }));
    // Serialised while the server acknowledges the Command.
    const data = createPipeline(this.writer(), commands, !options.input);
    await commandAck;
    await this.dataPacket(pid, 'Default', [{ type: MessageType.CREATE_PIPELINE, pid, data }]);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    return {
      pid,
      finished,
      input: (value) =>
        this.dataPacket(pid, 'Default', [{ type: MessageType.PIPELINE_INPUT, pid, data: this.writer().write(value) }]),
      endInput: () => this.dataPacket(pid, 'Default', [{ type: MessageType.END_OF_PIPELINE_INPUT, pid, data: '' }]),
      stop: () => this.stop(pid),
    };
  }

  /** Stops a running pipeline with a Signal; resolves on SignalAck. */
  stop(pid: string): Promise<void> {
    if (this.closedReason !== null) return Promise.resolve();
    const ack = this.expectAck('SignalAck', pid);
    this.channel.write(packetLine({ kind: 'Signal', psGuid: pid }));
    return ack;
  }

  /** Closes the pool and the channel. */
  async close(): Promise<void> {
    if (this.closedReason === null) {
      await this.closing;
      const ack = this.expectAck('CloseAck', EMPTY_GUID);
      this.channel.write(packetLine({ kind: 'Close', psGuid: EMPTY_GUID }));
      await Promise.race([ack, new Promise((r) => setTimeout(r, 2000).unref())]);
    }
    await this.channel.close();
  }

  private onClosed(reason: string): void {
    this.closedReason ??= reason;
    this.state = 'Broken';
    const error = new PsrpProtocolError('session', `the PowerShell session ended (${reason})`);
    this.opened?.reject(error);
    this.opened = null;
    this.keyWaiter?.reject(error);
    this.keyWaiter = null;
    this.running?.fail(error);
    for (const resolve of this.acks.values()) resolve();
    this.acks.clear();
  }

  private onLine(line: string): void {
    if (line.trim() === '') return;
    let packet: OutOfProcPacket;
    try {
      packet = parsePacket(line);
    } catch {
      this.options.log?.(`psrp: stray output: ${line.slice(0, 200)}`);
      return;
    }
    if (packet.kind !== 'Data') {
      const key = `${packet.kind}:${packet.psGuid}`;
      const waiting = this.acks.get(key);
      this.acks.delete(key);
      waiting?.();
      return;
    }
    try {
      for (const bytes of this.defrag.push(packet.data!)) this.onMessage(bytes);
    } catch (e) {
      this.broken(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private broken(e: Error): void {
    this.options.log?.(`psrp: ${e.message}`);
    this.state = 'Broken';
    this.opened?.reject(e);
    this.opened = null;
    this.keyWaiter?.reject(e);
    this.keyWaiter = null;
    this.running?.fail(e);
  }

  private onMessage(bytes: Buffer): void {
    const m = decodeMessage(bytes);
    const body = m.data === '' ? null : readClixmlElement(m.data, this.readOptions);
    const r = this.running && m.pid === this.running.pid ? this.running : null;
    switch (m.type) {
      case MessageType.SESSION_CAPABILITY:
        this.serverProtocol = String(asRecord(body).protocolversion ?? '');
        return;
      case MessageType.PUBLIC_KEY_REQUEST:
        if (!this.keyWaiter) void this.exchangeKey().catch(() => undefined);
        return;
      case MessageType.ENCRYPTED_SESSION_KEY: {
        if (!this.clientKey) throw new PsrpProtocolError('key exchange', 'a session key came without our public key');
        const blob = String(asRecord(body).EncryptedSessionKey ?? '');
        this.sessionKey = this.clientKey.decryptSessionKey(Buffer.from(blob, 'base64'));
        this.keyWaiter?.resolve();
        this.keyWaiter = null;
        return;
      }
      case MessageType.RUNSPACEPOOL_STATE: {
        const rec = asRecord(body);
        this.state = POOL_STATES[Number(rec.RunspaceState)] ?? `state ${String(rec.RunspaceState)}`;
        if (this.state === 'Opened') {
          this.opened?.resolve();
          this.opened = null;
        } else if (this.state === 'Broken' || (this.state === 'Closed' && this.opened)) {
          const why = rec.ExceptionAsErrorRecord
            ? errorRecordMessage(asRecord(rec.ExceptionAsErrorRecord))
            : this.state;
          this.broken(new PsrpProtocolError('session', `the runspace pool is ${this.state}: ${why}`));
        }
        return;
      }
      case MessageType.PIPELINE_OUTPUT:
        if (r) this.record(r, 'output', body);
        return;
      case MessageType.ERROR_RECORD:
        if (r) this.record(r, 'errors', asRecord(body));
        return;
      case MessageType.WARNING_RECORD:
        if (r) this.record(r, 'warnings', asRecord(body));
        return;
      case MessageType.VERBOSE_RECORD:
        if (r) this.record(r, 'verbose', asRecord(body));
        return;
      case MessageType.DEBUG_RECORD:
        if (r) this.record(r, 'debug', asRecord(body));
        return;
      case MessageType.INFORMATION_RECORD:
        if (r) this.record(r, 'information', asRecord(body));
        return;
      case MessageType.PIPELINE_STATE: {
        if (!r) return;
        const rec = asRecord(body);
        const state = PIPELINE_STATES[Number(rec.PipelineState)];
        if (state !== 'Completed' && state !== 'Stopped' && state !== 'Failed') return;
        const terminating =
          state === 'Failed' && rec.ExceptionAsErrorRecord ? asRecord(rec.ExceptionAsErrorRecord) : null;
        r.done({
          ...r.result,
          errors: terminating ? [...r.result.errors, terminating] : r.result.errors,
          terminating,
          state,
        });
        return;
      }
      case MessageType.PIPELINE_HOST_CALL:
      case MessageType.RUNSPACEPOOL_HOST_CALL:
        this.hostCall(m.type, m.pid, asRecord(body), r);
        return;
      default:
        this.options.log?.(`psrp: ignored ${messageTypeName(m.type)}`);
    }
  }

  private record(r: Running, stream: RecordStream, value: unknown): void {
    if (r.options.onRecord) r.options.onRecord(stream, value);
    else (r.result[stream] as unknown[]).push(value);
  }

  private hostCall(type: number, pid: string, call: Record<string, unknown>, r: Running | null): void {
    const mi = asRecord(call.mi);
    const method = String(mi.text ?? mi.value);
    const args = Array.isArray(call.mp) ? (call.mp as unknown[]) : [];
    const answer = r?.options.host?.({ method, args }) ?? null;
    if (VOID_HOST_METHODS.test(method)) return;
    const responseType =
      type === MessageType.PIPELINE_HOST_CALL
        ? MessageType.PIPELINE_HOST_RESPONSE
        : MessageType.RUNSPACEPOOL_HOST_RESPONSE;
    const methodValue = ps.enumValue(
      'System.Management.Automation.Remoting.RemoteHostMethodId',
      method,
      Number(mi.value),
    );
    // Nobody can answer: the host method throws PowerShell's NonInteractive PromptingException inside the server, so
    // the prompting command fails (catchable, the script goes on) as in a non-interactive console.
    if (answer === null) this.options.log?.(`psrp: host call ${method} has no answer; it throws PromptingException`);
    const data =
      answer === null
        ? hostException(
            this.writer(),
            ps.i64(Number(call.ci)),
            methodValue,
            NON_INTERACTIVE,
            'System.Management.Automation.Host.PromptingException',
          )
        : hostResponse(this.writer(), ps.i64(Number(call.ci)), methodValue, answer.result);
    void this.dataPacket(type === MessageType.PIPELINE_HOST_CALL ? pid : EMPTY_GUID, 'PromptResponse', [
      { type: responseType, pid, data },
    ]);
  }
}
