// Sort-Object: stable sort by keys (-Property), -Descending, -Unique.
import type { CommandContext } from '../command-context.js';
import { compareKeys, sortKeys } from './sort-keys.js';

/** Sort-Object. */
export async function sortObject(ctx: CommandContext): Promise<unknown[]> {
  for (const n of ['top', 'bottom', 'culture'])
    if (ctx.params[n] !== undefined) ctx.unsupported(`Sort-Object -${n.charAt(0).toUpperCase()}${n.slice(1)}`);
  const items = ctx.input ?? (ctx.params.inputObject !== undefined ? [ctx.params.inputObject] : []);
  const keys = sortKeys(ctx);
  const cs = ctx.params.caseSensitive === true;
  const descending = ctx.params.descending === true;
  const rows: { item: unknown; values: unknown[] }[] = [];
  for (const item of items) {
    const values: unknown[] = [];
    for (const k of keys) values.push(await k.get(item));
    rows.push({ item, values });
  }
  const compare = (a: { values: unknown[] }, b: { values: unknown[] }): number => {
    for (let i = 0; i < keys.length; i++) {
      const c = compareKeys(a.values[i], b.values[i], cs, ctx);
      if (c !== 0) return (keys[i]!.descending ?? descending) ? -c : c;
    }
    return 0;
  };
  rows.sort(compare);
  if (ctx.params.unique !== true) return rows.map((r) => r.item);
  const out: { values: unknown[]; item: unknown }[] = [];
  for (const r of rows) if (out.length === 0 || compare(out[out.length - 1]!, r) !== 0) out.push(r);
  return out.map((r) => r.item);
}
