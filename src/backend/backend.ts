import type { CompiledScript } from '../dialect/compiled-script.js';
import type { Secret } from '../node/secret.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import type { ShellVersion } from '../spec/shell-version.js';

export type { ErrorRecord, StatementResult, RunResult } from '../spec/output/run-result.js';
import type { StatementResult, RunResult } from '../spec/output/run-result.js';

/** Streaming callbacks of a run: what a console shows while the script runs. */
export interface RunHost {
  /** Text written straight to the host (Write-Host, `What if:` lines). */
  write(text: string): void;
  statementStarting?(text: string): void;
  statementDone?(statement: StatementResult): void;
}

/** Options of one run. */
export interface RunOptions {
  /** Server or session to run on; backends that serve one target ignore it. */
  readonly target?: string;
  /** Answers to prompts (ShouldContinue/ShouldProcess) for unattended runs, in order. */
  readonly answers?: readonly ('Y' | 'A' | 'N' | 'L')[];
  /**
   * Aborting stops the run: a session's running command gets PowerShell's Stop (as Ctrl+C), the mock stops before its
   * next statement; `run` then rejects with PipelineStopped.
   */
  readonly signal?: AbortSignal;
  /** Dialect of runbook text (compiled scripts carry their own); default: the session's. */
  readonly shell?: ShellVersion;
  /** Runbook text from a file: runs as that script (script scope, `$PSScriptRoot`/`$PSCommandPath`); else at the prompt's scope. */
  readonly scriptPath?: string;
  /** Secret variables (name without `$`) set as SecureStrings before the text runs, never in the text. */
  readonly secrets?: ReadonlyMap<string, Secret>;
  /** Plain variables (name without `$`) set before the text runs, never in the text: file bytes read on this machine. */
  readonly variables?: Readonly<Record<string, Uint8Array | string>>;
  /** Streams output as it is produced (backends that cannot stream call it once at the end). */
  readonly host?: RunHost;
}

/** What a backend learned about its session on connect. */
export interface SessionInfo {
  /** The dialect the session's shell speaks (from $PSVersionTable). */
  readonly shell: ShellVersion;
  /** The shell's full version text, e.g. `7.6.9` or `5.1.17763.1`. */
  readonly shellVersion: string;
  /** The connected server's Exchange build, when the session has Exchange. */
  readonly exchange: ExchangeTarget | undefined;
  /** Exchange's AdminDisplayVersion text, e.g. `Version 15.2 (Build 1544.4)`. */
  readonly exchangeVersion: string | null;
}

/**
 * Where compiled scripts and runbooks run: the print backend (dry run), the mock EMS, or real PowerShell sessions.
 * `run` resolves with PowerShell's errors inside the RunResult; it rejects only when the session itself failed.
 * @example const result = await backend.run(compile(getExchangeCertificate(), { shell: '5.1' }))
 */
export interface Backend {
  readonly name: string;
  run(script: CompiledScript | string, options?: RunOptions): Promise<RunResult>;
  /** Connects (if not yet) and says which shell and Exchange build the session has. */
  info(): Promise<SessionInfo>;
  close(): Promise<void>;
}

/** True for a compiled script (as opposed to runbook text). */
export function isCompiledScript(script: CompiledScript | string): script is CompiledScript {
  return typeof script !== 'string';
}
