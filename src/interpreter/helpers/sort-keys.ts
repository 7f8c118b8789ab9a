// The sort and group keys of Sort-Object and Group-Object: property names, script blocks, @{Expression=...} hashtables.
import { PsHashtable } from '../../runtime/ps-hashtable.js';
import { psCompare } from '../../runtime/ps-operators.js';
import { ScriptBlockValue } from '../../runtime/script-block-value.js';
import { TimeSpanValue, collect, elements, isArrayLike, normalize, toStr } from '../../runtime/ps-values.js';
import type { CommandContext } from '../command-context.js';
import { getMember } from '../ps-members.js';

/** One key: how to get it from an object, and its direction (undefined: the command's -Descending). */
export interface SortKey {
  readonly get: (item: unknown) => Promise<unknown>;
  readonly descending: boolean | undefined;
}

function keyOf(ctx: CommandContext, spec: unknown): SortKey {
  const v = normalize(spec);
  if (v instanceof ScriptBlockValue) {
    return { get: async (item) => normalize(collect(await ctx.invokeScriptBlock(v, item))), descending: undefined };
  }
  if (v instanceof PsHashtable) {
    const expr = v.get('Expression') ?? v.get('E');
    const desc = v.get('Descending');
    const asc = v.get('Ascending');
    const inner = keyOf(ctx, expr);
    const descending = desc !== null ? desc === true : asc !== null ? asc !== true : undefined;
    return { get: inner.get, descending };
  }
  const name = toStr(v);
  return { get: (item) => Promise.resolve(normalize(getMember(item, name, ctx))), descending: undefined };
}

/** The keys of -Property; none means the objects themselves. */
export function sortKeys(ctx: CommandContext): SortKey[] {
  const raw = normalize(ctx.params.property ?? null);
  if (raw === null) return [{ get: (item) => Promise.resolve(normalize(item)), descending: undefined }];
  return (isArrayLike(raw) ? elements(raw) : [raw]).map((k) => keyOf(ctx, k));
}

/** Compares two key values as Sort-Object does (numbers, dates, strings case-insensitively; $null first). */
export function compareKeys(a: unknown, b: unknown, caseSensitive: boolean, ctx: CommandContext): number {
  if (a instanceof TimeSpanValue && b instanceof TimeSpanValue) return Math.sign(a.ms - b.ms);
  try {
    return psCompare(a, b, caseSensitive, ctx);
  } catch {
    return psCompare(toStr(a), toStr(b), caseSensitive, ctx);
  }
}
