// The .NET objects New-Object and `[Type]::new()` make: ArrayList, List[T], StringBuilder, DateTime, TimeSpan, PSObject.
import { knownType, normalizeTypeName, toCustomObject } from '../runtime/ps-types.js';
import type { ConversionContext } from '../runtime/ps-types.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import { StringBuilderValue } from '../runtime/string-builder-value.js';
import { TimeSpanValue, markArrayList, markCustom, markGenericList, toNumber } from '../runtime/ps-values.js';

/** `System.Collections.Generic.List[string]` → the element type's full name, else null. */
function listElement(written: string): string | null {
  const m = /^(system\.)?collections\.generic\.list(`1)?\[\[?([^\]]+?)\]?\]$/.exec(normalizeTypeName(written));
  if (!m) return null;
  return knownType(m[3]!) ?? m[3]!;
}

/** Whether the interpreter can construct the type. */
export function isConstructible(written: string): boolean {
  const t = normalizeTypeName(written);
  return (
    listElement(written) !== null ||
    [
      'collections.arraylist',
      'text.stringbuilder',
      'datetime',
      'timespan',
      'psobject',
      'management.automation.psobject',
      'object',
      'collections.hashtable',
      'hashtable',
    ].includes(t)
  );
}

/** Constructs the type from its constructor arguments; null when the interpreter cannot. */
export function constructObject(written: string, args: readonly unknown[], ctx: ConversionContext): unknown {
  const t = normalizeTypeName(written);
  const n = (i: number) => toNumber(args[i] ?? 0, ctx.notANumber);
  const element = listElement(written);
  if (element !== null) return markGenericList([], element);
  switch (t) {
    case 'collections.arraylist':
      return markArrayList([]);
    case 'text.stringbuilder': {
      const sb = new StringBuilderValue();
      if (typeof args[0] === 'string') sb.text = args[0];
      return sb;
    }
    case 'datetime':
      return args.length === 0 ? new Date(1, 0, 1) : new Date(n(0), n(1) - 1, n(2), n(3), n(4), n(5));
    case 'timespan': {
      if (args.length === 3) return new TimeSpanValue(((n(0) * 60 + n(1)) * 60 + n(2)) * 1000);
      if (args.length >= 4) return new TimeSpanValue((((n(0) * 24 + n(1)) * 60 + n(2)) * 60 + n(3)) * 1000 + n(4));
      return new TimeSpanValue(args.length === 1 ? n(0) / 10000 : 0);
    }
    case 'collections.hashtable':
    case 'hashtable':
      return new PsHashtable();
    default:
      return markCustom({});
  }
}

/** New-Object PSObject -Property @{...}: the hashtable's entries as properties (in the hashtable's order). */
export function objectWithProperties(target: unknown, properties: PsHashtable): unknown {
  if (typeof target === 'object' && target !== null && !Array.isArray(target) && !(target instanceof Date)) {
    const custom = toCustomObject(properties) as Record<string, unknown>;
    return Object.assign(target, custom);
  }
  return target;
}
