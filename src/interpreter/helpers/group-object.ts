// Group-Object: GroupInfo objects (Count, Name, Group) in first-seen order (5.1) or sorted by name (7), -NoElement.
import { PsHashtable } from '../../runtime/ps-hashtable.js';
import { isArrayLike, elements, toStr } from '../../runtime/ps-values.js';
import type { CommandContext } from '../command-context.js';
import { sortKeys } from './sort-keys.js';

/** Group-Object. */
export async function groupObject(ctx: CommandContext): Promise<unknown[]> {
  if (ctx.params.asString === true && ctx.params.asHashTable !== true) ctx.unsupported('Group-Object -AsString');
  const items = ctx.input ?? (ctx.params.inputObject !== undefined ? [ctx.params.inputObject] : []);
  const keys = sortKeys(ctx);
  const cs = ctx.params.caseSensitive === true;
  const groups = new Map<string, { name: string; values: unknown[]; group: unknown[] }>();
  for (const item of items) {
    const values: unknown[] = [];
    for (const k of keys) values.push(await k.get(item));
    const name = values
      .map((v) =>
        isArrayLike(v)
          ? elements(v)
              .map((x) => toStr(x))
              .join(' ')
          : toStr(v),
      )
      .join(', ');
    const id = cs ? name : name.toLowerCase();
    const g = groups.get(id) ?? { name, values, group: [] };
    g.group.push(item);
    groups.set(id, g);
  }
  const list = [...groups.values()];
  if (ctx.dialect.shell === '7') list.sort((a, b) => a.name.localeCompare(b.name, 'en-US', { sensitivity: 'accent' }));
  if (ctx.params.asHashTable === true) {
    const t = new PsHashtable();
    for (const g of list) t.set(g.values.length === 1 && ctx.params.asString !== true ? g.values[0] : g.name, g.group);
    return [t];
  }
  return list.map((g) => ({
    PSTypeName: `Microsoft.PowerShell.Commands.${ctx.params.noElement === true ? 'GroupInfoNoElement' : 'GroupInfo'}`,
    Count: g.group.length,
    Name: g.name,
    ...(ctx.params.noElement === true ? {} : { Group: g.group }),
  }));
}
