// The engine socket's wire format: one JSON object a line each way, values tagged so bytes, dates and secrets survive.
import { Secret } from '../../node/secret.js';
import type { ErrorRecord } from '../../spec/output/run-result.js';
import type { Prompt } from '../../engine/mock-exchange.js';

/** An answer the client already got from its host, in asking order; null: nobody could answer. */
export type WireAnswer = 'Y' | 'A' | 'N' | 'L' | null;

/** One cmdlet call as the module sends it. */
export interface EngineRequest {
  readonly id: number;
  /**
   * `invoke` runs a cmdlet; `hello` only says which server the session is connected to; `resolvePath` maps a Windows
   * path into the state's file system (`path`), as the mock's cmdlets see it; `sleep` moves the clock on (`ms`).
   */
  readonly op: 'invoke' | 'hello' | 'resolvePath' | 'sleep';
  readonly path?: string;
  /** `sleep`: how far the organization's clock moves on (Start-Sleep in the session; nothing waits). */
  readonly ms?: number;
  readonly cmdlet?: string;
  readonly parameterSet?: string;
  /** Bound parameters by PowerShell name, values in wire form. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** The connected server; absent: the state's first server. */
  readonly connectedServer?: string | null;
  readonly shell?: string;
  readonly line?: number | null;
  readonly column?: number | null;
  /**
   * `client`: every ShouldProcess question comes back to the client (the module's $PSCmdlet.ShouldProcess decides on
   * -WhatIf, -Confirm and $ConfirmPreference natively); absent: the engine applies -WhatIf/-Confirm as the mock does.
   */
  readonly shouldProcess?: 'client';
  /** Answers to the prompts asked so far for this call (the call is replayed with them). */
  readonly answers?: readonly WireAnswer[];
}

/** The engine's answer to one request. */
export type EngineResponse =
  | {
      readonly id: number;
      readonly kind: 'done';
      readonly connectedServer: string;
      /** The engine's process id (on `hello`), so tools and tests can stop it. */
      readonly pid?: number;
      /** The host path (on `resolvePath`). */
      readonly hostPath?: string;
      readonly output: readonly unknown[];
      readonly errors: readonly ErrorRecord[];
      readonly warnings: readonly string[];
      readonly terminating: ErrorRecord | null;
    }
  | { readonly id: number; readonly kind: 'prompt'; readonly prompt: Prompt & { readonly action: string } }
  | { readonly id: number; readonly kind: 'fault'; readonly message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A value from the wire as the engine reads parameters: `{bytes}` as Uint8Array, `{secret}` as a Secret, `{certificate}`
 * as an object with RawData, `{enum}` as its text.
 * @example fromWire({ bytes: 'AQI=' }) // Uint8Array [1, 2]
 */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (!isRecord(value)) return value;
  if (typeof value['bytes'] === 'string') return new Uint8Array(Buffer.from(value['bytes'], 'base64'));
  if (typeof value['secret'] === 'string') return new Secret(value['secret']);
  if (typeof value['enum'] === 'string') return value['enum'];
  if (typeof value['date'] === 'number') return new Date(value['date']);
  const cert = value['certificate'];
  if (isRecord(cert)) {
    return {
      RawData: new Uint8Array(Buffer.from(String(cert['rawData'] ?? ''), 'base64')),
      FriendlyName: typeof cert['friendlyName'] === 'string' ? cert['friendlyName'] : '',
      Thumbprint: typeof cert['thumbprint'] === 'string' ? cert['thumbprint'] : '',
    };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(v)]));
}

/**
 * An engine value in wire form: Uint8Array as `{bytes}`, Date as `{date}` (ms); a Secret never leaves (redacted).
 * @example toWire(new Date(0)) // { date: 0 }
 */
export function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return { date: value.getTime() };
  if (value instanceof Secret) return String(value);
  if (Array.isArray(value)) return value.map(toWire);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
}

/** A PowerShell parameter name as the engine's camelCase key (`IncludeServerFQDN` -> `includeServerFQDN`). */
export function engineParameterName(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
