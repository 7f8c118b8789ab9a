// Select-Object: -Property (names, wildcards, calculated @{Name=..;Expression=..}), -ExpandProperty, -First/-Last/-Skip/-Index/-Unique.
import type { CommandContext } from '../command-context.js';
import { getMember } from '../ps-members.js';
import { psEquals, wildcardRegex } from '../../runtime/ps-operators.js';
import { PsHashtable } from '../../runtime/ps-hashtable.js';
import { ScriptBlockValue } from '../../runtime/script-block-value.js';
import {
  collect,
  enumerate,
  findProperty,
  isCustomObject,
  isPlainObject,
  markCustom,
  propertyNames,
  toStr,
} from '../../runtime/ps-values.js';

/** One -Property entry: a name (maybe a wildcard) or a calculated property. */
type PropertySpec =
  { kind: 'name'; name: string } | { kind: 'calculated'; name: string; expression: ScriptBlockValue | string };

/** Reads -Property entries (also used by Format-Table/Format-List). */
export function propertySpecs(ctx: CommandContext, raw: readonly unknown[]): PropertySpec[] {
  return raw.map((p) => {
    if (p instanceof PsHashtable) {
      const pick = (...keys: string[]) => keys.map((k) => p.get(k)).find((v) => v !== null);
      const name = pick('Name', 'N', 'Label', 'L');
      const expression = pick('Expression', 'E');
      if (expression === undefined) ctx.unsupported('a calculated property without Expression');
      const expr = expression instanceof ScriptBlockValue ? expression : toStr(expression);
      return { kind: 'calculated', name: name === undefined ? toStr(expr) : toStr(name), expression: expr };
    }
    if (p instanceof ScriptBlockValue) return { kind: 'calculated', name: p.toString().trim(), expression: p };
    return { kind: 'name', name: toStr(p) };
  });
}

/** A PSCustomObject holding the requested properties of `item`. */
export async function selectProperties(
  ctx: CommandContext,
  item: unknown,
  specs: readonly PropertySpec[],
  exclude: readonly string[],
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const names = isPlainObject(item) ? propertyNames(item) : [];
  const excluded = (n: string) => exclude.some((x) => wildcardRegex(x, false).test(n));
  for (const s of specs) {
    if (s.kind === 'calculated') {
      out[s.name] =
        s.expression instanceof ScriptBlockValue
          ? collect(await ctx.invokeScriptBlock(s.expression, item))
          : getMember(item, s.expression, ctx);
    } else if (/[*?[]/.test(s.name)) {
      const re = wildcardRegex(s.name, false);
      for (const n of names)
        if (re.test(n) && !excluded(n) && !(n in out)) out[n] = (item as Record<string, unknown>)[n];
    } else if (!excluded(s.name)) {
      const actual = isPlainObject(item) ? findProperty(item, s.name) : undefined;
      out[actual ?? s.name] = getMember(item, s.name, ctx);
    }
  }
  return markCustom(out);
}

/** Select-Object. */
export async function selectObject(ctx: CommandContext): Promise<unknown[]> {
  let items: unknown[] = [...(ctx.input ?? (ctx.params.inputObject !== undefined ? [ctx.params.inputObject] : []))];
  const p = ctx.params;
  if (p.wait === true) ctx.unsupported('Select-Object -Wait');
  if (Array.isArray(p.index))
    items = (p.index as unknown[]).map((i) => items[Number(i)]).filter((x) => x !== undefined);
  else if (typeof p.index === 'number') items = items[p.index] === undefined ? [] : [items[p.index]];
  if (typeof p.skip === 'number') items = items.slice(p.skip);
  if (typeof p.skipLast === 'number') items = p.skipLast === 0 ? items : items.slice(0, -p.skipLast);
  if (typeof p.first === 'number' || typeof p.last === 'number') {
    const first = typeof p.first === 'number' ? items.slice(0, p.first) : [];
    const last = typeof p.last === 'number' && p.last > 0 ? items.slice(-p.last) : [];
    items = [...first, ...last.filter((x) => !first.includes(x))];
  }
  const exclude = ((p.excludeProperty as unknown[] | undefined) ?? []).map((x) => toStr(x));
  const specs =
    p.property !== undefined
      ? propertySpecs(ctx, p.property as unknown[])
      : exclude.length > 0
        ? propertySpecs(ctx, ['*'])
        : null;
  if (p.expandProperty !== undefined) {
    if (specs) ctx.unsupported('Select-Object -ExpandProperty together with -Property');
    const name = toStr(p.expandProperty);
    const out: unknown[] = [];
    for (const item of items) {
      if (isPlainObject(item) && findProperty(item, name) === undefined) {
        ctx.writeError({
          message: `Property "${name}" cannot be found.`,
          category: 'InvalidArgument',
          errorId: 'ExpandPropertyNotFound',
          targetObject: item,
          exceptionType: 'System.Management.Automation.PSArgumentException',
          fullyQualifiedErrorId: 'ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand',
        });
        continue;
      }
      out.push(...enumerate(getMember(item, name, ctx)));
    }
    return p.unique === true ? unique(out, false) : out;
  }
  if (!specs) return p.unique === true ? unique(items, false) : items;
  const out: unknown[] = [];
  for (const item of items) out.push(await selectProperties(ctx, item, specs, exclude));
  return p.unique === true ? unique(out, true) : out;
}

/** -Unique: values compared case-sensitively; the objects -Property made by their property values; others by identity. */
function unique(items: readonly unknown[], selected: boolean): unknown[] {
  const same = (k: unknown, x: unknown): boolean => {
    if (isPlainObject(k) && isPlainObject(x)) {
      if (!selected || !isCustomObject(k) || !isCustomObject(x)) return k === x;
      const names = propertyNames(k);
      return names.length === propertyNames(x).length && names.every((n) => psEquals(k[n], x[n], true));
    }
    return !isPlainObject(k) && psEquals(k, x, true);
  };
  const kept: unknown[] = [];
  for (const x of items) if (!kept.some((k) => same(k, x))) kept.push(x);
  return kept;
}
