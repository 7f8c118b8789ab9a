// A method argument as a .NET Int32 (truncated), as the string, array and encoding methods take indexes.
import type { ConversionContext } from '../runtime/ps-types.js';
import { toNumber } from '../runtime/ps-values.js';

/** `v` converted to a whole number. */
export function intArg(v: unknown, ctx: ConversionContext): number {
  return Math.trunc(toNumber(v, ctx.notANumber));
}
