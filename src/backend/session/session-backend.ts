// A Backend over a Transport: runs compiled scripts and runbook text in a real PowerShell session.
import type { CompiledScript } from '../../dialect/compiled-script.js';
import type { Secret } from '../../node/secret.js';
import { isCompiledScript } from '../backend.js';
import type { Backend, ErrorRecord, RunOptions, RunResult, SessionInfo } from '../backend.js';
import type { AnswerProvider, BackendOptions } from '../backend-options.js';
import { PipelineStopped } from '../../interpreter/pipeline-stopped.js';
import { scriptedAnswers } from '../mock/scripted-answers.js';
import type { Envelope, EnvelopeError, PromptAnswer, PromptRequest } from './envelope.js';
import { exchangeTargetOfBuild, shellOfVersion } from './exchange-build.js';
import type { Transport, TransportRequest } from './transport.js';

/** How a backend turns a call into what its session runs (ssh: the call crosses to the remote session). */
export type CallWrapper = (request: TransportRequest) => TransportRequest;

/** Options of a session backend. */
export interface SessionBackendOptions {
  readonly name: string;
  readonly transport: Transport;
  readonly options: BackendOptions;
  readonly wrap?: CallWrapper;
}

// Learns the shell and, when the session has Exchange, the connected server's build.
const PROBE = `$PSVersionTable.PSVersion.ToString()
if (Get-Command -Name Get-ExchangeServer -ErrorAction Ignore) {
    $exchcertProbeServer = if ($ExchcertConnect) { $ExchcertConnect } else { $env:COMPUTERNAME }
    [string](Get-ExchangeServer -Identity $exchcertProbeServer -ErrorAction SilentlyContinue | Select-Object -First 1).AdminDisplayVersion
}`;

function errorRecord(e: EnvelopeError): ErrorRecord {
  return Object.freeze({
    message: e.message,
    category: e.category,
    errorId: e.fullyQualifiedErrorId.split(',')[0] ?? e.fullyQualifiedErrorId,
    fullyQualifiedErrorId: e.fullyQualifiedErrorId,
    command: e.command,
    terminating: e.terminating,
    line: e.line,
    column: e.column,
    ...(e.target !== null ? { targetObject: e.target } : {}),
    exceptionType: e.exceptionType,
  });
}

function answerPrompt(
  request: PromptRequest,
  answers: AnswerProvider | undefined,
  readHost: BackendOptions['readHost'],
): PromptAnswer {
  if (request.kind === 'choice') {
    const kind = request.caption === 'Confirm' ? 'ShouldProcess' : 'ShouldContinue';
    const a = answers?.answer({ kind, caption: request.caption, message: request.message }) ?? null;
    return a === null ? null : { value: a };
  }
  const text = readHost?.(request.message, request.kind === 'secure') ?? null;
  return text === null ? null : { text };
}

/**
 * A Backend whose calls run in a PowerShell session reached through `transport`.
 * @example const b = sessionBackend({ name: 'local', transport: new PwshTransport(), options: {} }); await b.run('Get-Date');
 */
export function sessionBackend(config: SessionBackendOptions): Backend {
  const { name, transport, options } = config;
  let info: Promise<SessionInfo> | null = null;

  function toResult(
    text: string,
    displayText: string,
    envelope: Envelope & { notices: readonly string[] },
    started: number,
  ): RunResult {
    const errors = envelope.errors.map(errorRecord);
    const statement = Object.freeze({
      line: 1,
      text: displayText,
      output: envelope.output,
      errors,
      warnings: envelope.warnings,
    });
    return Object.freeze({
      backend: name,
      target: options.connect ?? options.remoteServer ?? options.host ?? null,
      ok: errors.length === 0 && !envelope.stopped,
      text,
      displayText,
      statements: Object.freeze([statement]),
      output: envelope.output,
      errors: Object.freeze(errors),
      durationMs: performance.now() - started,
      ...(envelope.notices.length > 0 ? { notices: envelope.notices } : {}),
      ...(envelope.host !== '' ? { hostText: envelope.host } : {}),
    });
  }

  /** Plain variables reach the session in their own frame field; bytes as base64 turned into Byte[] there. */
  async function setVariables(variables: RunOptions['variables']): Promise<void> {
    for (const [name, value] of Object.entries(variables ?? {})) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new TypeError(`Not a variable name: ${name}`);
      const text =
        typeof value === 'string'
          ? `$global:${name} = $ExchcertValue`
          : `$global:${name} = [System.Convert]::FromBase64String($ExchcertValue)`;
      const data = typeof value === 'string' ? value : Buffer.from(value).toString('base64');
      const envelope = await transport.invoke(
        { text, displayText: text, variables: { ExchcertValue: data } },
        { prompt: () => null },
      );
      if (envelope.errors.length > 0)
        throw new TypeError(`Could not set $${name} in the session: ${envelope.errors[0]!.message}`);
    }
  }

  return {
    name,
    async run(script: CompiledScript | string, run: RunOptions = {}): Promise<RunResult> {
      const started = performance.now();
      const compiled = isCompiledScript(script);
      const text = compiled ? script.text : script;
      const displayText = compiled ? script.displayText : script;
      const secrets = new Map<string, Secret>([...(run.secrets ?? []), ...(compiled ? script.secretVariables : [])]);
      const answers = run.answers ? scriptedAnswers(run.answers) : options.answers;
      const host = run.host ?? options.runHost;
      let request: TransportRequest = {
        text,
        displayText,
        secrets,
        ...(run.scriptPath !== undefined ? { scriptPath: run.scriptPath } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(run.signal ? { signal: run.signal } : {}),
      };
      if (run.signal?.aborted) throw new PipelineStopped();
      if (config.wrap) request = config.wrap(request);
      await setVariables(run.variables);
      host?.statementStarting?.(displayText);
      const envelope = await transport.invoke(request, {
        prompt: (p) => answerPrompt(p, answers, options.readHost),
        ...(host ? { host: (t: string) => host.write(t) } : {}),
      });
      if (envelope.stopped && run.signal?.aborted) throw new PipelineStopped();
      const result = toResult(text, displayText, envelope, started);
      host?.statementDone?.(result.statements[0]!);
      return result;
    },
    info(): Promise<SessionInfo> {
      info ??= (async () => {
        const probe: TransportRequest = {
          text: PROBE,
          variables: { ExchcertConnect: options.connect ?? '' },
          displayText: 'session probe',
        };
        const e = await transport.invoke(config.wrap ? config.wrap(probe) : probe);
        const [version, exchangeVersion] = e.output.map((o) => (o === null ? null : String(o)));
        const exchange = exchangeTargetOfBuild(exchangeVersion);
        return Object.freeze({
          shell: shellOfVersion(version ?? '7'),
          shellVersion: version ?? '',
          exchange,
          exchangeVersion: exchangeVersion ?? null,
        });
      })();
      info.catch(() => {
        info = null;
      });
      return info;
    },
    close: () => transport.close(),
  };
}
