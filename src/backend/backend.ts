import type { CompiledScript } from '../dialect/compiled-script.js';
import type { Secret } from '../node/secret.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import type { ShellVersion } from '../spec/shell-version.js';

/** One error as PowerShell records it (ErrorRecord), in the same shape from every backend. */
export interface ErrorRecord {
  readonly message: string;
  /** PowerShell's ErrorCategory name, e.g. `InvalidArgument`, `ReadError`, `ObjectNotFound`. */
  readonly category: string;
  /** The id before the comma of FullyQualifiedErrorId (e.g. `NamedParameterNotFound` or Exchange's 8-hex token). */
  readonly errorId: string;
  readonly fullyQualifiedErrorId: string;
  /** The command that failed, e.g. `Import-ExchangeCertificate`. */
  readonly command: string | null;
  /** False for non-terminating errors (the script went on). */
  readonly terminating: boolean;
  /** Where in the script (1-based), when known. */
  readonly line: number | null;
  readonly column: number | null;
  readonly targetObject?: unknown;
  /** The .NET exception type name PowerShell shows after the command in CategoryInfo, when known. */
  readonly exceptionType?: string;
}

/** What one statement (line) of a script did. */
export interface StatementResult {
  readonly line: number;
  /** The statement's text as shown to people (secrets redacted). */
  readonly text: string;
  readonly output: readonly unknown[];
  readonly errors: readonly ErrorRecord[];
  readonly warnings: readonly string[];
}

/** The result of running a script: one shape whichever backend produced it. */
export interface RunResult {
  readonly backend: string;
  /** Which server or session ran it (fan-out runs have one result per target). */
  readonly target: string | null;
  /** True when no error record was written and nothing terminated the script. */
  readonly ok: boolean;
  /** The exact text that ran (variable-mode secrets stay variables). */
  readonly text: string;
  /** The text for people and logs (inline secrets redacted). */
  readonly displayText: string;
  readonly statements: readonly StatementResult[];
  /** Every output object in order. */
  readonly output: readonly unknown[];
  readonly errors: readonly ErrorRecord[];
  readonly durationMs: number;
  /** What the session itself reports (e.g. that a dead session was replaced by a fresh one); absent means none. */
  readonly notices?: readonly string[];
  /** Text written straight to the host (Write-Host); real backends only, absent means none. */
  readonly hostText?: string;
}

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
  readonly signal?: AbortSignal;
  /** Dialect of runbook text (compiled scripts carry their own); default: the session's. */
  readonly shell?: ShellVersion;
  /** Runbook text from a file: runs as that script (script scope, `$PSScriptRoot`/`$PSCommandPath`); else at the prompt's scope. */
  readonly scriptPath?: string;
  /** Secret variables (name without `$`) set as SecureStrings before the text runs, never in the text. */
  readonly secrets?: ReadonlyMap<string, Secret>;
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
