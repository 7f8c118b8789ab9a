// The .NET types runbooks cast to and test with (-is, -as, [type]value), and PowerShell's conversions to them.
import { AllowedServicesValue } from './exchange-values.js';
import { Secret } from '../node/secret.js';
import { PsHashtable } from './ps-hashtable.js';
import { RuntimeFailure } from './runtime-failure.js';
import { ScriptBlockValue } from './script-block-value.js';
import {
  NO_OUTPUT,
  TypeValue,
  bankersRound,
  elements,
  isArrayLike,
  isPlainObject,
  isTrue,
  markCustom,
  parseNumber,
  toStr,
  typeNameOf,
} from './ps-values.js';

/** Full names of the types the interpreter knows, by normalized written name. */
const TYPES: Readonly<Record<string, string>> = Object.freeze({
  string: 'System.String',
  int: 'System.Int32',
  int32: 'System.Int32',
  long: 'System.Int64',
  int64: 'System.Int64',
  byte: 'System.Byte',
  double: 'System.Double',
  float: 'System.Single',
  single: 'System.Single',
  decimal: 'System.Decimal',
  bool: 'System.Boolean',
  boolean: 'System.Boolean',
  char: 'System.Char',
  'byte[]': 'System.Byte[]',
  'char[]': 'System.Char[]',
  array: 'System.Array',
  'object[]': 'System.Object[]',
  'string[]': 'System.String[]',
  'int[]': 'System.Int32[]',
  'int32[]': 'System.Int32[]',
  hashtable: 'System.Collections.Hashtable',
  'collections.hashtable': 'System.Collections.Hashtable',
  ordered: 'System.Collections.Specialized.OrderedDictionary',
  pscustomobject: 'System.Management.Automation.PSCustomObject',
  'management.automation.pscustomobject': 'System.Management.Automation.PSCustomObject',
  psobject: 'System.Management.Automation.PSObject',
  'management.automation.psobject': 'System.Management.Automation.PSObject',
  void: 'System.Void',
  datetime: 'System.DateTime',
  securestring: 'System.Security.SecureString',
  'security.securestring': 'System.Security.SecureString',
  scriptblock: 'System.Management.Automation.ScriptBlock',
  'management.automation.scriptblock': 'System.Management.Automation.ScriptBlock',
  object: 'System.Object',
});

/** `System.Byte[]`, `byte []` → `byte[]`. */
export function normalizeTypeName(written: string): string {
  return written
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(/^system\./, '');
}

/** The full name of a castable type, or undefined when the interpreter does not know it. */
export function knownType(written: string): string | undefined {
  return TYPES[normalizeTypeName(written)];
}

/** `[string]` as a value. */
export function typeValue(written: string): TypeValue {
  return new TypeValue(knownType(written) ?? written);
}

function cannotConvert(v: unknown, target: string, why?: string): RuntimeFailure {
  if (why !== undefined) {
    return new RuntimeFailure(`Cannot convert value "${toStr(v)}" to type "${target}". Error: "${why}"`, {
      errorId: typeof v === 'string' ? 'InvalidCastFromStringToInteger' : 'InvalidCastParseTargetInvocation',
      category: 'InvalidArgument',
    });
  }
  return new RuntimeFailure(`Cannot convert the "${toStr(v)}" value of type "${typeNameOf(v)}" to type "${target}".`, {
    errorId: 'ConvertToFinalInvalidCastException',
    category: 'InvalidArgument',
  });
}

/** What conversions need from the dialect. */
export interface ConversionContext {
  readonly notANumber: (text: string) => string;
}

/** A scalar to an integer of a range (banker's rounding for doubles). */
export function toInteger(
  v: unknown,
  target: string,
  min: number,
  max: number,
  ctx: ConversionContext,
  rangeName: string,
): number {
  let n: number;
  if (v === null || v === undefined) n = 0;
  else if (typeof v === 'number') n = v;
  else if (typeof v === 'boolean') n = v ? 1 : 0;
  else if (v instanceof AllowedServicesValue) n = v.value;
  else if (typeof v === 'string') {
    const parsed = parseNumber(v);
    if (parsed === null) throw cannotConvert(v, target, ctx.notANumber(v));
    n = parsed;
  } else throw cannotConvert(v, target);
  n = Number.isInteger(n) ? n : bankersRound(n);
  if (n < min || n > max) throw cannotConvert(v, target, `Value was either too large or too small for ${rangeName}.`);
  return n;
}

function toDouble(v: unknown, ctx: ConversionContext): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = parseNumber(v);
    if (n === null) throw cannotConvert(v, 'System.Double', ctx.notANumber(v));
    return n;
  }
  throw cannotConvert(v, 'System.Double');
}

function toChar(v: unknown, ctx: ConversionContext): string {
  if (typeof v === 'string') {
    if (v.length === 1) return v;
    throw cannotConvert(v, 'System.Char', 'String must be exactly one character long.');
  }
  return String.fromCharCode(toInteger(v, 'System.Char', 0, 0xffff, ctx, 'a character'));
}

/** A value as an array: $null stays $null, a scalar becomes a one-element array. */
function asList(v: unknown): unknown[] | null {
  if (v === null || v === undefined) return null;
  if (isArrayLike(v)) return elements(v);
  return [v];
}

/** `[byte[]]$x`. */
export function toByteArray(v: unknown, ctx: ConversionContext): Uint8Array | null {
  if (v instanceof Uint8Array) return v;
  const list = asList(v);
  if (list === null) return null;
  const out = new Uint8Array(list.length);
  list.forEach((x, i) => {
    out[i] = toInteger(x, 'System.Byte', 0, 255, ctx, 'an unsigned byte');
  });
  return out;
}

/** `[pscustomobject]@{...}`. */
export function toCustomObject(v: unknown): unknown {
  if (!(v instanceof PsHashtable)) return v;
  const o: Record<string, unknown> = {};
  for (const [k, val] of v.entries()) o[toStr(k)] = val;
  return markCustom(o);
}

/** `[Type]$value`; throws PowerShell's conversion error. */
export function castTo(written: string, v: unknown, ctx: ConversionContext): unknown {
  const full = knownType(written);
  if (v === NO_OUTPUT) v = null;
  switch (full) {
    case 'System.String':
      return v === null ? '' : toStr(v);
    case 'System.Int32':
      return toInteger(v, full, -2147483648, 2147483647, ctx, 'an Int32');
    case 'System.Int64':
      return toInteger(v, full, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, ctx, 'an Int64');
    case 'System.Byte':
      return toInteger(v, full, 0, 255, ctx, 'an unsigned byte');
    case 'System.Double':
    case 'System.Single':
    case 'System.Decimal':
      return toDouble(v, ctx);
    case 'System.Boolean':
      return isTrue(v);
    case 'System.Char':
      return toChar(v, ctx);
    case 'System.Byte[]':
      return toByteArray(v, ctx);
    case 'System.Char[]':
      return typeof v === 'string' ? [...v] : (asList(v)?.map((x) => toChar(x, ctx)) ?? null);
    case 'System.Array':
    case 'System.Object[]':
      return asList(v);
    case 'System.String[]':
      return asList(v)?.map((x) => toStr(x)) ?? null;
    case 'System.Int32[]':
      return asList(v)?.map((x) => toInteger(x, 'System.Int32', -2147483648, 2147483647, ctx, 'an Int32')) ?? null;
    case 'System.Collections.Hashtable':
      if (v === null || v instanceof PsHashtable) return v;
      throw cannotConvert(v, full);
    case 'System.Management.Automation.PSCustomObject':
    case 'System.Management.Automation.PSObject':
      return toCustomObject(v);
    case 'System.Void':
      return NO_OUTPUT;
    case 'System.DateTime': {
      if (v instanceof Date) return v;
      const d =
        typeof v === 'string' ? new Date(v) : typeof v === 'number' ? new Date(v / 10000 - 62135596800000) : null;
      if (!d || Number.isNaN(d.getTime()))
        throw cannotConvert(v, full, `String '${toStr(v)}' was not recognized as a valid DateTime.`);
      return d;
    }
    case 'System.Security.SecureString':
      if (v === null || v instanceof Secret) return v;
      throw cannotConvert(v, full);
    case 'System.Management.Automation.ScriptBlock':
      if (v === null || v instanceof ScriptBlockValue) return v;
      throw cannotConvert(v, full);
    case 'System.Object':
      return v;
    default:
      throw new RuntimeFailure(`Unable to find type [${written}].`, {
        errorId: 'TypeNotFound',
        category: 'InvalidOperation',
      });
  }
}

/** `$x -is [Type]`. */
export function isOfType(v: unknown, written: string): boolean {
  const full = knownType(written);
  if (v === null || v === undefined || v === NO_OUTPUT) return false;
  switch (full) {
    case 'System.Object':
      return true;
    case 'System.String':
      return typeof v === 'string';
    case 'System.Char':
      return typeof v === 'string' && v.length === 1;
    case 'System.Int32':
      return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 2147483647;
    case 'System.Int64':
    case 'System.Byte':
      return typeof v === 'number' && Number.isInteger(v);
    case 'System.Double':
    case 'System.Single':
    case 'System.Decimal':
      return typeof v === 'number' && !Number.isInteger(v);
    case 'System.Boolean':
      return typeof v === 'boolean';
    case 'System.Byte[]':
      return v instanceof Uint8Array;
    case 'System.Array':
      return isArrayLike(v);
    case 'System.Object[]':
      return Array.isArray(v);
    case 'System.String[]':
    case 'System.Int32[]':
    case 'System.Char[]':
      return false;
    case 'System.Collections.Hashtable':
      return v instanceof PsHashtable;
    case 'System.Collections.Specialized.OrderedDictionary':
      return v instanceof PsHashtable && v.ordered;
    case 'System.Management.Automation.PSCustomObject':
      return isPlainObject(v);
    case 'System.Management.Automation.PSObject':
      return true;
    case 'System.DateTime':
      return v instanceof Date;
    case 'System.Security.SecureString':
      return v instanceof Secret;
    case 'System.Management.Automation.ScriptBlock':
      return v instanceof ScriptBlockValue;
    default:
      return (
        typeNameOf(v).toLowerCase() === normalizeTypeName(written) ||
        typeNameOf(v).toLowerCase() === `system.${normalizeTypeName(written)}`
      );
  }
}
