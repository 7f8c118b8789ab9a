// PowerShell's view of JS values: enumeration, truth, string and number conversion, property access.
import { Secret } from '../node/secret.js';
import { AllowedServicesValue } from './exchange-values.js';
import { PsErrorRecord, PsException } from './ps-error-record.js';
import { PsHashtable } from './ps-hashtable.js';
import { RuntimeFailure } from './runtime-failure.js';
import { ScriptBlockValue } from './script-block-value.js';

/** What `[void]` and an empty pipeline give: nothing at all (PowerShell's AutomationNull). */
export const NO_OUTPUT: unique symbol = Symbol('AutomationNull');

/** Objects made by the interpreter (Select-Object, [pscustomobject]) rather than by Exchange. */
const CUSTOM_OBJECTS = new WeakSet<object>();
/** Arrays that are ArrayLists (`$Error`): Add/Clear/Remove work on them. */
const ARRAY_LISTS = new WeakSet<unknown[]>();

/** Marks an object as a PSCustomObject the interpreter made. */
export function markCustom<T extends object>(o: T): T {
  CUSTOM_OBJECTS.add(o);
  return o;
}

export function isCustomObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && CUSTOM_OBJECTS.has(v);
}

export function markArrayList<T extends unknown[]>(a: T): T {
  ARRAY_LISTS.add(a);
  return a;
}

export function isArrayList(v: unknown): v is unknown[] {
  return Array.isArray(v) && ARRAY_LISTS.has(v);
}

const GENERIC_LISTS = new WeakMap<unknown[], string>();

/** Marks an array as a System.Collections.Generic.List[T] of the given element type (full name); Add returns nothing. */
export function markGenericList<T extends unknown[]>(a: T, elementType: string): T {
  ARRAY_LISTS.add(a);
  GENERIC_LISTS.set(a, elementType);
  return a;
}

/** The element type of a List[T], or undefined for other values. */
export function genericListType(v: unknown): string | undefined {
  return Array.isArray(v) ? GENERIC_LISTS.get(v) : undefined;
}

/** A .NET type as a value (`[string]`, `$x.GetType()`). */
export class TypeValue {
  readonly fullName: string;

  constructor(fullName: string) {
    this.fullName = fullName;
  }

  get name(): string {
    return this.fullName.slice(this.fullName.lastIndexOf('.') + 1);
  }

  toString(): string {
    return this.fullName;
  }
}

/** A plain object with PowerShell property names (the mock's PSObjects, PSCustomObjects). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array || v instanceof Date)
    return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** True for an ExchangeCertificate object from the mock (not a Select-Object copy of one). */
export function isCertificateObject(v: unknown): boolean {
  if (!isPlainObject(v) || isCustomObject(v)) return false;
  const has = (name: string) => Object.prototype.hasOwnProperty.call(v, name);
  return (
    has('Thumbprint') &&
    has('Subject') &&
    has('Services') &&
    (has('ServicesStringForm') || has('RawData') || has('NotAfter'))
  );
}

/** X509Certificate2.ToString(): what `"$cert"` shows. */
function certificateText(c: Record<string, unknown>): string {
  const date = (d: unknown) =>
    d instanceof Date
      ? `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()} ${d.getHours() % 12 || 12}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')} ${d.getHours() < 12 ? 'AM' : 'PM'}`
      : toStr(d);
  const parts: [string, string][] = [
    ['Subject', toStr(c.Subject)],
    ['Issuer', toStr(c.Issuer)],
    ['Serial Number', toStr(c.SerialNumber)],
    ['Not Before', date(c.NotBefore)],
    ['Not After', date(c.NotAfter)],
    ['Thumbprint', toStr(c.Thumbprint)],
  ];
  return parts.map(([k, v]) => `[${k}]\r\n  ${v}\r\n`).join('\r\n');
}

/** Keys of a plain object that are PowerShell properties (type markers left out). */
export function propertyNames(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter((k) => !/^(PSTypeNames?|__)/i.test(k));
}

/** The actual key of a property, case-insensitively. */
export function findProperty(o: Record<string, unknown>, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(o, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(o).find((k) => k.toLowerCase() === lower);
}

/** `$o.Name` on a plain object: case-insensitive, $null when absent. */
export function getProperty(o: Record<string, unknown>, name: string): unknown {
  const k = findProperty(o, name);
  return k === undefined ? null : normalize(o[k]);
}

/** undefined (absent) reads as $null. */
export function normalize(v: unknown): unknown {
  return v === undefined || v === NO_OUTPUT ? null : v;
}

export function isArrayLike(v: unknown): v is unknown[] | Uint8Array {
  return Array.isArray(v) || v instanceof Uint8Array;
}

/** Elements of a collection as PowerShell enumerates it (byte arrays give numbers). */
export function elements(v: unknown[] | Uint8Array): unknown[] {
  return Array.isArray(v) ? v : Array.from(v);
}

/** What writing a value to the pipeline sends: a collection's elements, nothing for AutomationNull, else the value. */
export function enumerate(v: unknown): unknown[] {
  if (v === NO_OUTPUT) return [];
  if (isArrayLike(v)) return elements(v).map(normalize);
  return [v === undefined ? null : v];
}

/** What a captured pipeline holds: nothing → $null, one object → it, several → object[]. */
export function collect(list: readonly unknown[]): unknown {
  if (list.length === 0) return null;
  if (list.length === 1) return list[0];
  return [...list];
}

/** LanguagePrimitives.IsTrue. */
export function isTrue(v: unknown): boolean {
  if (v === null || v === undefined || v === NO_OUTPUT) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v.length > 0;
  if (isArrayLike(v)) {
    if (v.length === 0) return false;
    if (v.length === 1) return isTrue(Array.isArray(v) ? v[0] : v[0]);
    return true;
  }
  return true;
}

/** Two-digit padding. */
function p2(n: number): string {
  return String(n).padStart(2, '0');
}

/** DateTime.ToString(InvariantCulture): `11/25/2025 12:50:00`. */
export function invariantDate(d: Date): string {
  return `${p2(d.getMonth() + 1)}/${p2(d.getDate())}/${d.getFullYear()} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}`;
}

/** A double as .NET's ToString() writes it (R format, `E+XX` exponents). */
export function psNumberText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  const s = String(n);
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  if (m) return `${m[1]!.toUpperCase()}E${m[2]}${m[3]!.padStart(2, '0')}`;
  return s;
}

/** .NET full type name of a value (GetType().FullName). */
export function typeNameOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'System.String';
  if (typeof v === 'boolean') return 'System.Boolean';
  if (typeof v === 'number')
    return Number.isInteger(v) ? (Math.abs(v) <= 2147483647 ? 'System.Int32' : 'System.Int64') : 'System.Double';
  if (v instanceof Uint8Array) return 'System.Byte[]';
  if (Array.isArray(v)) {
    const element = GENERIC_LISTS.get(v);
    if (element !== undefined) return `System.Collections.Generic.List\`1[[${element}]]`;
    return isArrayList(v) ? 'System.Collections.ArrayList' : 'System.Object[]';
  }
  if (v instanceof PsHashtable)
    return v.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  if (v instanceof Secret) return 'System.Security.SecureString';
  if (v instanceof Date) return 'System.DateTime';
  if (v instanceof ScriptBlockValue) return 'System.Management.Automation.ScriptBlock';
  if (v instanceof PsErrorRecord) return 'System.Management.Automation.ErrorRecord';
  if (v instanceof PsException) return v.type;
  if (v instanceof TypeValue) return 'System.RuntimeType';
  if (v instanceof VersionValue) return 'System.Version';
  if (v instanceof TimeSpanValue) return 'System.TimeSpan';
  const custom = (v as { psTypeName?: unknown }).psTypeName;
  if (typeof custom === 'string') return custom;
  if (isPlainObject(v)) {
    if (isCertificateObject(v)) return 'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate';
    if (!isCustomObject(v) && Object.keys(v).length === 1 && v.FileData instanceof Uint8Array)
      return 'Microsoft.Exchange.Data.BinaryFileDataObject';
    const marker = v.PSTypeNames ?? v.PSTypeName;
    const first: unknown = Array.isArray(marker) ? marker[0] : marker;
    if (typeof first === 'string') return first;
    return 'System.Management.Automation.PSCustomObject';
  }
  return 'System.Object';
}

/** LanguagePrimitives.ConvertTo<string>: what "$x" and [string]$x give. */
export function toStr(v: unknown, ofs = ' '): string {
  if (v === null || v === undefined || v === NO_OUTPUT) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return psNumberText(v);
  if (isArrayLike(v))
    return elements(v)
      .map((x) => toStr(x, ofs))
      .join(ofs);
  if (v instanceof Date) return invariantDate(v);
  if (v instanceof PsHashtable) return typeNameOf(v);
  if (v instanceof Secret) return 'System.Security.SecureString';
  if (v instanceof ScriptBlockValue || v instanceof PsErrorRecord || v instanceof PsException || v instanceof TypeValue)
    return v.toString();
  if (isCertificateObject(v)) return certificateText(v as Record<string, unknown>);
  // Exchange's configuration objects: ToString() is their Identity (hidden `__ToString`, engine/exchange-object.ts).
  if (isPlainObject(v) && typeof v.__ToString === 'string') return v.__ToString;
  if (isPlainObject(v)) {
    const parts = propertyNames(v).map((k) => `${k}=${toStr(v[k], ofs)}`);
    return `@{${parts.join('; ')}}`;
  }
  if (typeof (v as { toString?: unknown }).toString === 'function') return String(v);
  return typeNameOf(v);
}

const SUFFIX: Readonly<Record<string, number>> = {
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
  pb: 1024 ** 5,
};

/** PowerShell's string-to-number parse (decimal, hex, exponent, kb..pb); null when it is not a number. */
export function parseNumber(text: string): number | null {
  const s = text.trim();
  if (s === '') return 0;
  const m = /^([+-]?)(0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(kb|mb|gb|tb|pb)?$/i.exec(s);
  if (!m) return null;
  const body = m[2]!;
  let n = /^0x/i.test(body) ? Number.parseInt(body.slice(2), 16) : Number(body);
  if (m[3]) n *= SUFFIX[m[3].toLowerCase()]!;
  return m[1] === '-' ? -n : n;
}

/** A value as a number for arithmetic; throws PowerShell's conversion error. */
export function toNumber(v: unknown, notANumber: (text: string) => string, target = 'System.Int32'): number {
  if (v === null || v === undefined || v === NO_OUTPUT) return 0;
  if (typeof v === 'number') return v;
  if (v instanceof AllowedServicesValue) return v.value;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = parseNumber(v);
    if (n === null) {
      throw new RuntimeFailure(`Cannot convert value "${v}" to type "${target}". Error: "${notANumber(v)}"`, {
        errorId: 'InvalidCastFromStringToInteger',
        category: 'InvalidArgument',
      });
    }
    return n;
  }
  if (isArrayLike(v) && v.length === 1) return toNumber(elements(v)[0], notANumber, target);
  throw new RuntimeFailure(`Cannot convert the "${toStr(v)}" value of type "${typeNameOf(v)}" to type "${target}".`, {
    errorId: 'InvalidCastException',
    category: 'InvalidArgument',
  });
}

/** Round half to even, as .NET converts doubles to integers. */
export function bankersRound(n: number): number {
  const floor = Math.floor(n);
  const diff = n - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Objects of the interpreter's own classes expose PowerShell members through this. */
export interface PsMemberSource {
  /** The member's value, or undefined when the object has no such member. */
  psGet(name: string): unknown;
}

export function hasPsMembers(v: unknown): v is PsMemberSource {
  return typeof v === 'object' && v !== null && typeof (v as { psGet?: unknown }).psGet === 'function';
}

/** System.Version (`$PSVersionTable.PSVersion`). */
export class VersionValue implements PsMemberSource {
  readonly parts: readonly number[];

  constructor(parts: readonly number[]) {
    this.parts = parts;
  }

  psGet(name: string): unknown {
    const i = ['major', 'minor', 'build', 'revision'].indexOf(name.toLowerCase());
    return i < 0 ? undefined : (this.parts[i] ?? -1);
  }

  toString(): string {
    return this.parts.filter((p) => p >= 0).join('.');
  }
}

/** System.TimeSpan (what subtracting two dates gives). */
export class TimeSpanValue implements PsMemberSource {
  readonly ms: number;

  constructor(ms: number) {
    this.ms = ms;
  }

  psGet(name: string): unknown {
    const ms = this.ms;
    const t = (x: number) => (x < 0 ? Math.ceil(x) : Math.floor(x));
    switch (name.toLowerCase()) {
      case 'days':
        return t(ms / 86400000);
      case 'hours':
        return t(ms / 3600000) % 24;
      case 'minutes':
        return t(ms / 60000) % 60;
      case 'seconds':
        return t(ms / 1000) % 60;
      case 'milliseconds':
        return t(ms) % 1000;
      case 'totaldays':
        return ms / 86400000;
      case 'totalhours':
        return ms / 3600000;
      case 'totalminutes':
        return ms / 60000;
      case 'totalseconds':
        return ms / 1000;
      case 'totalmilliseconds':
        return ms;
      case 'ticks':
        return ms * 10000;
      default:
        return undefined;
    }
  }

  toString(): string {
    const neg = this.ms < 0 ? '-' : '';
    const a = Math.abs(this.ms);
    const d = Math.floor(a / 86400000);
    const h = Math.floor(a / 3600000) % 24;
    const m = Math.floor(a / 60000) % 60;
    const s = Math.floor(a / 1000) % 60;
    const f = a % 1000;
    const p = (n: number) => String(n).padStart(2, '0');
    return `${neg}${d ? `${d}.` : ''}${p(h)}:${p(m)}:${p(s)}${f ? `.${String(f * 10000).padStart(7, '0')}` : ''}`;
  }
}
