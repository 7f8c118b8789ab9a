// The boundary between the runbook interpreter and the simulated Exchange cmdlets.
import type { ErrorRecord } from '../spec/output/run-result.js';
import type { ShellVersion } from '../spec/shell-version.js';

/** One call of an Exchange cmdlet with evaluated arguments (one pipeline object per call). */
export interface CmdletCall {
  /** Canonical name, e.g. `Enable-ExchangeCertificate`. */
  readonly cmdlet: string;
  readonly parameterSet: string;
  /**
   * Values by camelCase parameter name, evaluated: strings, numbers, booleans, string arrays, Uint8Array (Byte[]),
   * Secret (SecureString), certificate objects (X509Certificate2 parameters), null.
   */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The server the shell is connected to (used when neither -Server nor an Identity server part is given). */
  readonly connectedServer: string;
  readonly shell: ShellVersion;
  /** Where the command stands in the script, for error records. */
  readonly line: number | null;
  readonly column: number | null;
}

/** A question a cmdlet asks (ShouldContinue, or ShouldProcess for -Confirm / high impact). */
export interface Prompt {
  readonly kind: 'ShouldContinue' | 'ShouldProcess';
  readonly caption: string;
  readonly message: string;
}

/** Answers prompts: Y(es), A (yes to all), N(o), L (no to all); null when nobody can answer. */
export interface AnswerProvider {
  answer(prompt: Prompt): 'Y' | 'A' | 'N' | 'L' | null;
}

/** What a call produced. A terminating error is thrown as MockTerminatingError instead. */
export interface CmdletOutcome {
  readonly output: readonly unknown[];
  /** Non-terminating errors written (the state is unchanged by a failed call). */
  readonly errors: readonly ErrorRecord[];
  readonly warnings: readonly string[];
  /** Lines written straight to the host UI, which no stream captures (`What if: ...`); optional, absent means none. */
  readonly hostLines?: readonly string[];
}

/** The simulated Exchange side of the mock shell. */
export interface MockExchange {
  /** Runs one cmdlet call; one transaction, rolled back on failure. */
  invoke(call: CmdletCall, answers: AnswerProvider): Promise<CmdletOutcome>;
  /** The server a shell connects to by default (the state's first server), creating the default organization if empty. */
  defaultServer(): Promise<string>;
}

/**
 * Thrown by an AnswerProvider whose answer must be fetched elsewhere first (the sim's module asks its own host): the
 * call stops at the question, before it has changed anything, and is replayed with the answer.
 */
export class AnswerPending extends Error {
  readonly prompt: Prompt;

  constructor(prompt: Prompt) {
    super(`The question '${prompt.caption}' must be answered first.`);
    this.prompt = prompt;
  }
}

/** A terminating error (parameter binding, -ErrorAction Stop, a prompt nobody can answer). */
export class MockTerminatingError extends Error {
  readonly record: ErrorRecord;

  constructor(record: ErrorRecord) {
    super(record.message);
    this.record = record;
  }
}
