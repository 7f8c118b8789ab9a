// One call's result as the runner sends it, and the decoding of its tagged values into JS values.
import { exchangeCertificateFromJson } from '../../spec/output/exchange-certificate.js';

/** An error record as the runner writes it. */
export interface EnvelopeError {
  readonly message: string;
  readonly category: string;
  readonly fullyQualifiedErrorId: string;
  readonly command: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly target: string | null;
  readonly exceptionType: string;
  readonly terminating: boolean;
}

/** Everything one call produced, streams kept apart. */
export interface Envelope {
  readonly id: number;
  /** True when the call was stopped (timeout or abort). */
  readonly stopped: boolean;
  /** Output objects, decoded (dates as Date, bytes as Uint8Array, objects by property name). */
  readonly output: readonly unknown[];
  readonly errors: readonly EnvelopeError[];
  readonly warnings: readonly string[];
  readonly verbose: readonly string[];
  readonly debug: readonly string[];
  readonly information: readonly { readonly message: string; readonly tags: readonly string[] }[];
  /** Text written to the host (Write-Host, `What if:`). */
  readonly host: string;
  /** Time the call took inside PowerShell. */
  readonly ms: number;
}

/** A question the session asks while a call runs. */
export interface PromptRequest {
  readonly id: number;
  /** `choice`: ShouldContinue/ShouldProcess; `line`/`secure`: Read-Host. */
  readonly kind: 'choice' | 'line' | 'secure';
  readonly caption: string;
  readonly message: string;
  readonly choices: readonly string[];
  readonly defaultChoice: number;
}

/** The answer to a prompt: a choice letter (Y, A, N, L), a line of text, or null (nobody can answer). */
export type PromptAnswer = { readonly value: string } | { readonly text: string } | null;

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;

/** Removes ANSI escape sequences (colours, titles) from text a shell produced. */
export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

function isExchangeCertificateType(types: readonly string[]): boolean {
  return types.some((t) => /(^|\.)ExchangeCertificate$/.test(t.replace(/^Deserialized\./, '')));
}

/**
 * Decodes one tagged value: `{"@d"}` dates, `{"@b"}` bytes, `{"@h"}` hashtables, `{"@t","@p"}` objects (Exchange
 * certificates parsed by the output schema when they have Exchange's properties).
 * @example decodeValue({ '@d': '2024-01-02T03:04:05Z' }) instanceof Date // true
 */
export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (typeof value === 'string') return stripAnsi(value);
  if (typeof value !== 'object' || value === null) return value;
  const r = value as Record<string, unknown>;
  if (typeof r['@d'] === 'string') return new Date(r['@d']);
  if (typeof r['@b'] === 'string') return new Uint8Array(Buffer.from(r['@b'], 'base64'));
  if (typeof r['@h'] === 'object' && r['@h'] !== null) return decodeProperties(r['@h'] as Record<string, unknown>);
  if (Array.isArray(r['@t']) && typeof r['@p'] === 'object' && r['@p'] !== null) {
    const properties = decodeProperties(r['@p'] as Record<string, unknown>);
    if (isExchangeCertificateType(r['@t'] as string[]) && 'Services' in properties) {
      try {
        return exchangeCertificateFromJson(properties);
      } catch {
        return properties;
      }
    }
    return properties;
  }
  return decodeProperties(r);
}

function decodeProperties(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[k] = decodeValue(v);
  return out;
}

/** An envelope from the runner's result frame. */
export function envelopeFromFrame(frame: Record<string, unknown>): Envelope {
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  return {
    id: Number(frame.id),
    stopped: frame.stopped === true,
    output: list<unknown>(frame.output).map(decodeValue),
    errors: list<EnvelopeError>(frame.errors).map((e) => ({ ...e, message: stripAnsi(e.message) })),
    warnings: list<string>(frame.warnings).map(stripAnsi),
    verbose: list<string>(frame.verbose).map(stripAnsi),
    debug: list<string>(frame.debug).map(stripAnsi),
    information: list<{ message: string; tags: string[] }>(frame.information).map((i) => ({
      message: stripAnsi(i.message),
      tags: i.tags,
    })),
    host: stripAnsi(typeof frame.host === 'string' ? frame.host : ''),
    ms: Number(frame.ms),
  };
}
