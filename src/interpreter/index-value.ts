// `$x[i]`: array, string and hashtable indexing (negative indexes, slices, $null out of range).
import { PsHashtable } from '../runtime/ps-hashtable.js';
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { elements, isArrayLike, normalize, toNumber } from '../runtime/ps-values.js';

/** The value of `target[index]` as PowerShell (not strict mode) gives it. */
export function indexValue(target: unknown, index: unknown, notANumber: (text: string) => string): unknown {
  if (target === null || target === undefined)
    throw new RuntimeFailure('Cannot index into a null array.', { errorId: 'NullArray', category: 'InvalidOperation' });
  if (target instanceof PsHashtable)
    return isArrayLike(index) ? elements(index).map((i) => target.get(i)) : target.get(index);
  const pick = (i: unknown): unknown => {
    let n = Math.trunc(toNumber(i, notANumber));
    if (typeof target === 'string') {
      if (n < 0) n += target.length;
      return n >= 0 && n < target.length ? target[n] : undefined;
    }
    if (isArrayLike(target)) {
      if (n < 0) n += target.length;
      return n >= 0 && n < target.length ? normalize(target[n]) : undefined;
    }
    return n === 0 || n === -1 ? target : undefined;
  };
  if (isArrayLike(index))
    return elements(index)
      .map(pick)
      .filter((x) => x !== undefined);
  const v = pick(index);
  return v === undefined ? null : v;
}
