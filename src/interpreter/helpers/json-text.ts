// ConvertTo-Json's text: values to a JSON tree (with -Depth), then PowerShell 7's or Windows PowerShell 5.1's layout.
import { Secret } from '../../node/secret.js';
import { AllowedServicesValue } from '../../runtime/exchange-values.js';
import { formatDate } from '../../runtime/ps-format.js';
import { PsHashtable } from '../../runtime/ps-hashtable.js';
import { elements, isArrayLike, isPlainObject, normalize, propertyNames, toStr } from '../../runtime/ps-values.js';

/** A JSON value: scalars, arrays, or objects as ordered entries. */
export type Json = null | string | number | boolean | Json[] | { readonly entries: readonly [string, Json][] };

/** How the tree is built: the depth limit and the shell (dates and enums differ). */
export interface JsonOptions {
  readonly depth: number;
  readonly windowsPowerShell: boolean;
  readonly enumsAsStrings: boolean;
  /** Called once when an object deeper than -Depth was written as its text. */
  readonly truncated: () => void;
}

function dateJson(d: Date, windowsPowerShell: boolean): string {
  if (windowsPowerShell) return `\\/Date(${d.getTime()})\\/`;
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const ms = d.getMilliseconds();
  return `${formatDate(d, "yyyy'-'MM'-'dd'T'HH':'mm':'ss")}${ms ? `.${String(ms).padStart(3, '0')}` : ''}${zone}`;
}

function scalarJson(v: unknown, o: JsonOptions): Json | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : toStr(v);
  if (v instanceof Date) return dateJson(v, o.windowsPowerShell);
  if (v instanceof AllowedServicesValue) return o.enumsAsStrings ? toStr(v) : v.value;
  if (v instanceof Secret) return { entries: [['Length', v.reveal().length]] };
  return undefined;
}

/** A value as JSON at nesting `level` (the input is level 0). */
export function toJson(value: unknown, level: number, o: JsonOptions): Json {
  const v = normalize(value);
  const scalar = scalarJson(v, o);
  if (scalar !== undefined) return scalar;
  const container = isArrayLike(v) || v instanceof PsHashtable || isPlainObject(v);
  if (!container) return toStr(v);
  if (level > o.depth) {
    o.truncated();
    return toStr(v);
  }
  if (isArrayLike(v)) return elements(v).map((x) => toJson(x, level + 1, o));
  if (v instanceof PsHashtable) return { entries: v.entries().map(([k, x]) => [toStr(k), toJson(x, level + 1, o)]) };
  const obj = v as Record<string, unknown>;
  return { entries: propertyNames(obj).map((k) => [k, toJson(obj[k], level + 1, o)]) };
}

function quote(s: string, windowsPowerShell: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || (windowsPowerShell && "<>&'".includes(ch))) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function scalarText(j: Json, windowsPowerShell: boolean): string {
  if (j === null) return 'null';
  if (typeof j === 'string') return j.startsWith('\\/Date(') ? `"${j}"` : quote(j, windowsPowerShell);
  return String(j);
}

/** `-Compress`: no white space. */
export function compactJson(j: Json, wps: boolean): string {
  if (Array.isArray(j)) return `[${j.map((x) => compactJson(x, wps)).join(',')}]`;
  if (j !== null && typeof j === 'object')
    return `{${j.entries.map(([k, x]) => `${quote(k, wps)}:${compactJson(x, wps)}`).join(',')}}`;
  return scalarText(j, wps);
}

/** PowerShell 7's layout (two-space indentation, `"key": value`). */
export function indentedJson(j: Json, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(j)) {
    if (j.length === 0) return '[]';
    return `[\n${j.map((x) => inner + indentedJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (j !== null && typeof j === 'object') {
    if (j.entries.length === 0) return '{}';
    const rows = j.entries.map(([k, x]) => `${inner}${quote(k, false)}: ${indentedJson(x, inner)}`);
    return `{\n${rows.join(',\n')}\n${indent}}`;
  }
  return scalarText(j, false);
}

/**
 * Windows PowerShell 5.1's layout: an opening bracket at column c puts its members at c + 4 and its closing bracket at
 * c; members are written `"key":  value` (two spaces).
 */
export function windowsJson(j: Json, column = 0): string {
  const pad = ' '.repeat(column + 4);
  const close = ' '.repeat(column);
  if (Array.isArray(j)) {
    if (j.length === 0) return '[\r\n\r\n' + close + ']';
    return `[\r\n${j.map((x) => pad + windowsJson(x, column + 4)).join(',\r\n')}\r\n${close}]`;
  }
  if (j !== null && typeof j === 'object') {
    if (j.entries.length === 0) return '{\r\n\r\n' + close + '}';
    const rows = j.entries.map(([k, x]) => {
      const head = `${quote(k, true)}:  `;
      return pad + head + windowsJson(x, column + 4 + head.length);
    });
    return `{\r\n${rows.join(',\r\n')}\r\n${close}}`;
  }
  return scalarText(j, true);
}
