// The result of running a script, in one shape whichever backend produced it: error records, statements, runs.

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
