// What the runbook interpreter needs from its host, and what a run gives back.
import type { ErrorRecord, StatementResult } from '../spec/output/run-result.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import type { ShellVersion } from '../spec/shell-version.js';
import type { AnswerProvider, MockExchange } from '../engine/mock-exchange.js';
import type { VirtualFs } from '../engine/org-state.js';

/** Where interpreter output for people goes (Write-Host, formatted output of each statement). */
export interface InterpreterHost {
  write(text: string): void;
  /**
   * Called after each top-level statement with its result. When given, the host shows the statement's output itself
   * and write() gets only host text (Write-Host, `What if:`), so a CLI can print each statement as it finishes.
   */
  statementDone?(result: StatementResult): void;
  /** Called before each top-level statement runs, with its text as shown to people (secrets redacted). */
  statementStarting?(text: string): void;
}

/** The simulated machine a runbook runs on. */
export interface InterpreterEnv {
  readonly exchange: MockExchange;
  /** The Windows file system the helper commands and [System.IO.File] see. */
  readonly fs: VirtualFs;
  readonly shell: ShellVersion;
  /** The server the session is connected to (CmdletCall.connectedServer). */
  readonly connectedServer: string;
  readonly answers: AnswerProvider;
  /** Variables set before the script runs (e.g. secrets the backend fills without putting them in the text). */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** Answers Read-Host; null means nobody can answer (PowerShell's non-interactive failure). */
  readonly readHost?: (prompt: string, secure: boolean) => string | null;
  readonly host?: InterpreterHost;
  /** `$env:NAME` values (default: none). */
  readonly environment?: Readonly<Record<string, string>>;
  /** The Exchange version of the session's cmdlets: binding then refuses parameters it lacks (default: any). */
  readonly exchangeTarget?: ExchangeTarget;
  /** PowerShell's current location, for relative provider paths (default `C:\Users\Administrator`). */
  readonly location?: string;
  /** True once the host wants the run stopped (Ctrl+C): the next statement raises PipelineStopped. */
  readonly cancelled?: () => boolean;
  /** The clock Get-Date reads (default: the real one). */
  readonly now?: () => Date;
  /**
   * Start-Sleep: moves the simulated organization's clock forward by `ms` (the session's own clock, which Get-Date
   * reads, moves as well); nothing ever waits.
   */
  readonly sleep?: (ms: number) => void;
  /**
   * Where top-level statements run: 'script' as a runbook started at the EMS prompt (`.\renew.ps1`: its variables,
   * preferences included, live in the script's scope, which the EMS's Exchange cmdlets, being module functions, do not
   * see), or 'global' as lines typed at the prompt. Default: 'script' for `interpret`, 'global' for a session.
   */
  readonly scope?: 'script' | 'global';
  /** The Windows path of the script file being run: `$PSScriptRoot` and `$PSCommandPath` (default: none). */
  readonly scriptPath?: string;
}

/** The outcome of running a script. */
export interface InterpretResult {
  /** One per top-level statement that ran, in order. */
  readonly statements: readonly StatementResult[];
  readonly output: readonly unknown[];
  /** Every error record shown (non-terminating ones, statement-terminating ones, and the one that ended the script). */
  readonly errors: readonly ErrorRecord[];
  /** The error that stopped the script (uncaught throw, -ErrorAction Stop, unsupported construct, parse error), else null. */
  readonly terminated: ErrorRecord | null;
  /** User and preset variables after the run (lookups are case-insensitive). */
  readonly variables: ReadonlyMap<string, unknown>;
}

/** A REPL session: variables, `$Error` and preferences survive between runs. */
export interface InterpreterSession {
  run(text: string): Promise<InterpretResult>;
  readonly variables: ReadonlyMap<string, unknown>;
}
