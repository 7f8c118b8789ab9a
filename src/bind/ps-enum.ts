// Argument -> enum as PowerShell converts it: names (comma lists), integers, arrays joined with ','; .NET wording.
import { EXCHANGE_SERVICES } from '../spec/exchange-services.js';
import type { ExchangeMajor } from '../spec/exchange-target.js';
import { ACTION_PREFERENCES, ALLOWED_SERVICES, ALLOWED_SERVICE_NAMES } from '../spec/ps-type.js';
import { numberText, overflowMessage } from './ps-number.js';
import type { RawArgument } from './raw-argument.js';

/** An enum the binder converts to: member names (declaration order) and values. */
export interface EnumType {
  readonly fullName: string;
  readonly names: readonly string[];
  readonly values: readonly number[];
  readonly flags: boolean;
  /** Lower-case name -> member index. */
  readonly byName: ReadonlyMap<string, number>;
  readonly allBits: number;
}

function enumType(fullName: string, names: readonly string[], values: readonly number[], flags: boolean): EnumType {
  return Object.freeze({
    fullName,
    names,
    values,
    flags,
    byName: new Map(names.map((n, i) => [n.toLowerCase(), i])),
    allBits: values.reduce((a, v) => a | v, 0),
  });
}

export const ALLOWED_SERVICES_ENUM = enumType(
  'Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices',
  ALLOWED_SERVICE_NAMES,
  ALLOWED_SERVICE_NAMES.map((n) => ALLOWED_SERVICES[n]),
  true,
);
const PER_MAJOR = new Map<ExchangeMajor, EnumType>();

/**
 * AllowedServices as a major's cmdlets define it (2010 has no UMCallRouter: binding it fails there); any major's
 * values when the target is unknown.
 * @example allowedServicesEnum('2010').names // ['None', 'IMAP', 'POP', 'UM', 'IIS', 'SMTP', 'Federation']
 */
export function allowedServicesEnum(major: ExchangeMajor | undefined): EnumType {
  if (major === undefined) return ALLOWED_SERVICES_ENUM;
  let t = PER_MAJOR.get(major);
  if (t === undefined) {
    const names = EXCHANGE_SERVICES[major].enumValues;
    t = enumType(
      ALLOWED_SERVICES_ENUM.fullName,
      names,
      names.map((n) => ALLOWED_SERVICES[n]),
      true,
    );
    PER_MAJOR.set(major, t);
  }
  return t;
}
export const ACTION_PREFERENCE_ENUM = enumType(
  'System.Management.Automation.ActionPreference',
  ACTION_PREFERENCES,
  ACTION_PREFERENCES.map((_, i) => i),
  false,
);

/** A converted enum value with the member names that make it up (as written; numbers in flag order). */
export interface EnumValue {
  readonly value: number;
  readonly names: readonly string[];
}

/** The cast messages of a failed enum conversion (PSInvalidCastException's text). */
export const enumMessages = {
  notFound: (t: EnumType, s: string) =>
    `Cannot convert value "${s}" to type "${t.fullName}". Error: "Unable to match the identifier name ${s} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${t.names.join(', ')}"`,
  empty: (t: EnumType) =>
    `Cannot convert value "" to type "${t.fullName}". Error: "The identifier name  cannot be processed because it is either too similar or identical to the following enumerator names: ${t.names.join(', ')}. Use a more specific identifier name."`,
  invalid: (t: EnumType, s: string) =>
    `Cannot convert value "${s}" to type "${t.fullName}" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${t.names.join(',')}".`,
  nullValue: (t: EnumType) =>
    `Cannot convert null to type "${t.fullName}" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${t.names.join(',')}".`,
  boolean: (t: EnumType, b: boolean) =>
    `Cannot convert value "${b ? 'True' : 'False'}" to type "${t.fullName}". Error: "Invalid cast from 'System.Boolean' to '${t.fullName}'."`,
};

/** Thrown with the cast message when a value is no member of the enum. */
export class EnumCastError extends Error {}

function valid(t: EnumType, v: number): boolean {
  return t.flags ? v >= 0 && (v & ~t.allBits) === 0 : t.values.includes(v);
}

/** The member names of a valid value (flags: each set bit; 0 is the zero member). */
function namesOf(t: EnumType, v: number): string[] {
  if (!t.flags || v === 0) return [t.names[t.values.indexOf(v)]!];
  return t.names.filter((_, i) => t.values[i] !== 0 && (t.values[i]! & v) === t.values[i]);
}

function fromInteger(t: EnumType, v: number, text: string): EnumValue {
  if (!valid(t, v)) throw new EnumCastError(enumMessages.invalid(t, text));
  return { value: v, names: namesOf(t, v) };
}

/** A string: an integer (checked against the members), or names separated by commas (any case, trimmed). */
function fromString(t: EnumType, s: string): EnumValue {
  if (s.length === 0) throw new EnumCastError(enumMessages.empty(t));
  const trimmed = s.trim();
  if (/^[+-]?\d+$/.test(trimmed)) {
    const n = BigInt(trimmed);
    if (n < -(2n ** 31n) || n >= 2n ** 31n)
      throw new EnumCastError(
        `Cannot convert value "${s}" to type "${t.fullName}". Error: "${overflowMessage('Int32')}"`,
      );
    return fromInteger(t, Number(n), s);
  }
  let value = 0;
  const names: string[] = [];
  for (const entry of trimmed.split(',')) {
    const i = t.byName.get(entry.trim().toLowerCase());
    if (i === undefined) throw new EnumCastError(enumMessages.notFound(t, s));
    value |= t.values[i]!;
    if (!names.includes(t.names[i]!)) names.push(t.names[i]!);
  }
  if (!valid(t, value)) throw new EnumCastError(enumMessages.invalid(t, s));
  return { value, names: t.flags ? names : namesOf(t, value) };
}

/**
 * One scalar argument (a string, number or Boolean; null is refused). An integer is checked as a value; any other
 * number is read as text: a direct argument's source text (`1e10`), an array element's value (`10000000000`).
 */
function fromScalar(t: EnumType, raw: RawArgument, direct: boolean): EnumValue {
  switch (raw.t) {
    case 'string':
      return fromString(t, raw.value);
    case 'bool':
      throw new EnumCastError(enumMessages.boolean(t, raw.value));
    case 'null':
      throw new EnumCastError(enumMessages.nullValue(t));
    case 'number':
      if (raw.type === 'Int32' || raw.type === 'Int64')
        return fromInteger(t, raw.value, numberText(raw.value, raw.text, raw.type));
      return fromString(t, direct ? raw.text : numberText(raw.value, raw.text, raw.type));
    default:
      throw new EnumCastError(enumMessages.notFound(t, 'System.Object[]'));
  }
}

/** What an enum value reads as (`IIS, SMTP`), as an array element is turned into text before the join. */
function enumText(v: EnumValue): string {
  return v.names.join(', ');
}

/**
 * Converts a literal argument to an enum as PowerShell does; an array is joined with ',' (non-strings converted
 * first) and read as one string. Throws EnumCastError with PowerShell's cast message.
 */
export function toEnum(t: EnumType, raw: RawArgument): EnumValue {
  if (raw.t !== 'array') return fromScalar(t, raw, true);
  const parts = raw.items.map((item) => (item.t === 'string' ? item.value : enumText(fromScalar(t, item, false))));
  return fromString(t, parts.join(','));
}
