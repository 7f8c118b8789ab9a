// The seam under every real backend: text and secrets in, one envelope out, prompts asked and answered on the way.
import type { Secret } from '../../node/secret.js';
import type { Envelope, PromptAnswer, PromptRequest } from './envelope.js';

/** One call. */
export interface TransportRequest {
  /** The exact text to run. */
  readonly text: string;
  /** Run as this script file (script scope, `$PSScriptRoot`); absent: at the session's global scope. */
  readonly scriptPath?: string;
  /** Set as SecureString variables before the text runs, removed after. */
  readonly secrets?: ReadonlyMap<string, Secret>;
  /** Plain string variables set before the text runs, removed after (how wrappers pass text without quoting it). */
  readonly variables?: Readonly<Record<string, string>>;
  /** The command as shown to people (timeout errors name it). */
  readonly displayText?: string;
  readonly timeoutMs?: number;
  /** Aborting stops the running command with PowerShell's Stop (as Ctrl+C); the envelope comes back stopped. */
  readonly signal?: AbortSignal;
}

/** Callbacks of one call. */
export interface TransportHandlers {
  prompt?(request: PromptRequest): PromptAnswer;
  host?(text: string): void;
}

/** What a transport says once its session is up. */
export interface TransportInfo {
  /** The shell's version text, e.g. `7.6.9`. */
  readonly version: string;
  /** True when this call found the previous session dead and started a fresh one. */
  readonly restarted: boolean;
}

/**
 * A PowerShell session: the pwsh process transport today, a PSRP client could replace it.
 * `invoke` resolves with PowerShell's errors in the envelope; it rejects only for transport failures.
 */
export interface Transport {
  start(): Promise<TransportInfo>;
  invoke(
    request: TransportRequest,
    handlers?: TransportHandlers,
  ): Promise<Envelope & { readonly notices: readonly string[] }>;
  close(): Promise<void>;
}
