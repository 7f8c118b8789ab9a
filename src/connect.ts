// connect(): the library's way into any backend, with the same power as the CLI and typed results.
import type { Backend, ErrorRecord, RunOptions, RunResult, SessionInfo } from './backend/backend.js';
import type { AnswerProvider, BackendOptions, RemoteAuthentication } from './backend/backend-options.js';
import type { Answer } from './backend/mock/scripted-answers.js';
import { scriptedAnswers } from './backend/mock/scripted-answers.js';
import { createBackend } from './backend/registry.js';
import { compile } from './dialect/render.js';
import type { Renderable } from './dialect/render.js';
import type { RenderOptions } from './dialect/render-options.js';
import type { MockState } from './backend/mock/mock-state.js';
import { exchangeCertificateFromJson } from './spec/output/exchange-certificate.js';
import type { ExchangeCertificate } from './spec/output/exchange-certificate.js';
import { isCertificateObject } from './runtime/ps-values.js';

/** Options of connect(): which backend, and what it needs. */
export interface ConnectOptions {
  /** mock (default), local, remote, ssh, sim, print, or any registered backend. */
  readonly backend?: string;
  readonly state?: string | MockState;
  /** The server the session acts on when a cmdlet has no -Server. */
  readonly connect?: string;
  readonly remoteServer?: string;
  readonly connectionUri?: string;
  readonly authentication?: RemoteAuthentication;
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly keyFile?: string;
  /** `exchange` (default), `none`, or the path of a connection script. */
  readonly bootstrap?: string;
  readonly importModule?: readonly string[];
  readonly timeoutMs?: number;
  /** Real backends and sim: `runner` (text runner, default) or `psrp` (our PSRP client: `pwsh -s`, or ssh's `powershell` subsystem). */
  readonly transport?: 'runner' | 'psrp';
  /** Answers to prompts, in order across the session's calls, or your own provider. */
  readonly answers?: readonly Answer[] | AnswerProvider;
  /** Anything else a backend takes (pwsh path, log, readHost...). */
  readonly backendOptions?: Omit<BackendOptions, 'answers'>;
}

/** What invoke() gives back: the run plus its output with ExchangeCertificate objects validated and typed. */
export interface InvokeResult {
  readonly ok: boolean;
  /** Output objects; Exchange certificates as {@link ExchangeCertificate} (the shape `--json` prints). */
  readonly output: readonly unknown[];
  /** The ExchangeCertificate objects of `output`. */
  readonly certificates: readonly ExchangeCertificate[];
  readonly errors: readonly ErrorRecord[];
  readonly result: RunResult;
}

/** A connected session. */
export interface ExchcertSession {
  /** Compiles a builder/script for the session's shell and Exchange build (or runs text as is) and types the output. */
  invoke(x: Renderable | string, options?: RenderOptions & RunOptions): Promise<InvokeResult>;
  /** Runs runbook text (or a compiled script); PowerShell errors are in the result, never thrown. */
  run(text: string, options?: RunOptions): Promise<RunResult>;
  /** The shell and Exchange build the session has. */
  info(): Promise<SessionInfo>;
  close(): Promise<void>;
  readonly backend: Backend;
}

function typed(value: unknown): unknown {
  return isCertificateObject(value) ? exchangeCertificateFromJson(value) : value;
}

/**
 * Opens a session on a backend.
 * @example
 * import { connect, getExchangeCertificate } from 'exchcert';
 * const session = await connect({ backend: 'mock', state: '.exchcert' });
 * const { certificates } = await session.invoke(getExchangeCertificate({ server: 'AMS-EXCH01' }));
 * console.log(certificates.map((c) => `${c.Thumbprint} ${c.Services}`));
 * await session.close();
 */
export async function connect(options: ConnectOptions = {}): Promise<ExchcertSession> {
  const { backend: name = 'mock', answers, backendOptions, ...rest } = options;
  const provider = Array.isArray(answers)
    ? scriptedAnswers(answers as Answer[])
    : (answers as AnswerProvider | undefined);
  const backend = await createBackend(name, {
    ...backendOptions,
    ...rest,
    ...(provider ? { answers: provider } : {}),
  } as BackendOptions);
  return {
    backend,
    info: () => backend.info(),
    async invoke(x, run = {}) {
      let result: RunResult;
      if (typeof x === 'string') result = await backend.run(x, run);
      else {
        const info = await backend.info();
        const compiled = compile(x, {
          shell: info.shell,
          ...(info.exchange ? { exchange: info.exchange } : {}),
          ...run,
        });
        result = await backend.run(compiled, run);
      }
      const output = result.output.map(typed);
      return Object.freeze({
        ok: result.ok,
        output,
        certificates: output.filter((o): o is ExchangeCertificate => isCertificateObject(o)),
        errors: result.errors,
        result,
      });
    },
    run: (text, run) => backend.run(text, run),
    close: () => backend.close(),
  };
}
