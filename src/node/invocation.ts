import type { Expression } from './expression.js';
import type { Secret } from './secret.js';

/** A parameter's value: plain literals, arrays of them, bytes, a Secret, or a typed expression. */
export type ParameterValue =
  string | number | boolean | null | Uint8Array | Secret | Expression | readonly ParameterValue[];

/** One cmdlet call: what builders produce and what the binder gives back for a parsed line. */
export interface Invocation {
  /** Canonical cmdlet name, e.g. `New-ExchangeCertificate`. */
  readonly cmdlet: string;
  /** The resolved parameter set; null for commands exchcert does not know. */
  readonly parameterSet: string | null;
  /** Values by camelCase parameter name, in the order they were given. */
  readonly parameters: Readonly<Record<string, ParameterValue>>;
}

/** An invocation of a command exchcert does not know: its arguments are kept as written. */
export interface UnknownInvocation extends Invocation {
  readonly parameterSet: null;
}

/** Freezes an invocation (and its parameter map). */
export function createInvocation(
  cmdlet: string,
  parameterSet: string | null,
  parameters: Record<string, ParameterValue>,
): Invocation {
  return Object.freeze({ cmdlet, parameterSet, parameters: Object.freeze({ ...parameters }) });
}
