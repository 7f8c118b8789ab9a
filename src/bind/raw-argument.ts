// Arguments as written, before conversion: literal strings, numbers, Booleans, $null, arrays, or already-typed values.
import type { ParameterValue } from '../node/invocation.js';

/** The .NET type PowerShell gives a number literal. */
export type NumberType = 'Int32' | 'Int64' | 'Double' | 'Decimal';

/** An argument as written, before conversion to the parameter's type. */
export type RawArgument =
  | { readonly t: 'string'; readonly value: string }
  /** A number literal: its value, its source text (what a [string] parameter gets) and its .NET type. */
  | { readonly t: 'number'; readonly value: number; readonly text: string; readonly type: NumberType }
  | { readonly t: 'bool'; readonly value: boolean }
  | { readonly t: 'null' }
  | { readonly t: 'array'; readonly items: readonly RawArgument[] }
  /** Already typed: Secret, bytes, or a typed expression (variable, fileBytes, secretPrompt, verbatim). */
  | { readonly t: 'value'; readonly value: ParameterValue; readonly text: string };

/** The raw argument as a plain value (what an unknown command's argument binds to). */
export function rawToValue(raw: RawArgument): ParameterValue {
  switch (raw.t) {
    case 'string':
      return raw.value;
    case 'number':
      return raw.value;
    case 'bool':
      return raw.value;
    case 'null':
      return null;
    case 'array':
      return Object.freeze(raw.items.map(rawToValue));
    case 'value':
      return raw.value;
  }
}
