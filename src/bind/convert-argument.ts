// Converts a written argument to a parameter's type as PowerShell's binder does, or throws its error.
import type { Dialect } from '../dialect/dialect.js';
import type { ParameterValue } from '../node/invocation.js';
import type { ParameterInfo } from '../spec/binding-table.js';
import type { ExchangeMajor } from '../spec/exchange-target.js';
import { bindingFailed, cannotConvertArgument, castError, emptyMandatory, validationError } from './binding-errors.js';
import { ACTION_PREFERENCE_ENUM, EnumCastError, allowedServicesEnum, toEnum } from './ps-enum.js';
import type { EnumType, EnumValue } from './ps-enum.js';
import type { IntegerType } from './ps-number.js';
import { numberToInteger, overflowMessage, stringToInteger } from './ps-number.js';
import { argumentText, elementText, formatMessage, messageText, typeName } from './argument-text.js';
import type { RawArgument } from './raw-argument.js';
import { rawToValue } from './raw-argument.js';
import { x500NameError } from './x500-name-error.js';

const SWITCH = 'System.Management.Automation.SwitchParameter';
const SECURE_STRING = 'System.Security.SecureString';
const NOT_SUPPORTED = 'Specified method is not supported.';
const BOOLEAN_ONLY = 'Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.';
const SUSPEND =
  'The Suspend ActionPreference value is reserved for future use and is not supported at this time. For more information about preference variables, see the Help topic, "about_Preference_Variables."';
// Types that keep computed elements of a written array as they are (others cannot convert the array yet).
const KEEPS_COMPUTED_ELEMENTS = new Set(['String[]', 'Object[]', 'MultiValuedProperty', 'Object']);
const VARIABLE_PARAMETERS = new Set([
  'ErrorVariable',
  'WarningVariable',
  'InformationVariable',
  'OutVariable',
  'PipelineVariable',
]);

/** The integer a scalar converts to, or the inner message of why not. */
function integerOf(raw: RawArgument, type: IntegerType, dialect: Dialect): number | { readonly why: string } {
  switch (raw.t) {
    case 'number': {
      const v = numberToInteger(raw.value, raw.text, raw.type, type);
      return typeof v === 'number'
        ? v
        : {
            why: `Cannot convert value "${messageText(raw, dialect)}" to type "System.${type}". Error: "${overflowMessage(v)}"`,
          };
    }
    case 'string': {
      const v = stringToInteger(raw.value, type);
      if (typeof v === 'number') return v;
      return {
        why: `Cannot convert value "${raw.value}" to type "System.${type}". Error: "${v === 'overflow' ? overflowMessage(type) : formatMessage(raw.value, dialect)}"`,
      };
    }
    case 'bool':
      return raw.value ? 1 : 0;
    case 'null':
      return 0;
    default:
      return { why: `Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.${type}".` };
  }
}

function toSwitch(cmdlet: string, p: ParameterInfo, raw: RawArgument, dialect: Dialect): boolean {
  if (raw.t === 'bool') return raw.value;
  if (raw.t === 'null') return p.compiled;
  if (raw.t === 'number') {
    if (p.compiled) return raw.value !== 0;
    throw castError(
      cmdlet,
      p,
      `Cannot convert the "${messageText(raw, dialect)}" value of type "${typeName(raw)}" to type "${SWITCH}".`,
    );
  }
  if (p.compiled) throw cannotConvertArgument(cmdlet, p, typeName(raw), '');
  throw castError(cmdlet, p, `Cannot convert value "${typeName(raw)}" to type "${SWITCH}". ${BOOLEAN_ONLY}`);
}

function toBoolean(cmdlet: string, p: ParameterInfo, raw: RawArgument): boolean {
  if (raw.t === 'bool') return raw.value;
  if (raw.t === 'number') return raw.value !== 0;
  throw castError(
    cmdlet,
    p,
    `Cannot convert value "${raw.t === 'null' ? '' : typeName(raw)}" to type "System.Boolean". ${BOOLEAN_ONLY}`,
  );
}

function toInteger(cmdlet: string, p: ParameterInfo, raw: RawArgument, type: IntegerType, dialect: Dialect): number {
  if (p.compiled && raw.t === 'array') throw cannotConvertArgument(cmdlet, p, 'System.Object[]', NOT_SUPPORTED);
  if (p.spec.name === 'OutBuffer' && p.origin === 'common') {
    if (raw.t === 'null')
      throw validationError(
        cmdlet,
        p,
        'The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.',
      );
  }
  const v = integerOf(raw, type, dialect);
  if (typeof v !== 'number') throw castError(cmdlet, p, v.why);
  if (p.spec.name === 'OutBuffer' && p.origin === 'common' && v < 0) {
    throw validationError(
      cmdlet,
      p,
      `The ${v} argument is less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0 and then try the command again.`,
    );
  }
  return v;
}

function toEnumValue(cmdlet: string, p: ParameterInfo, raw: RawArgument, type: EnumType): readonly string[] {
  let v: EnumValue;
  try {
    v = toEnum(type, raw);
  } catch (e) {
    if (!(e instanceof EnumCastError)) throw e;
    // A compiled parameter gets $null unconverted: its setter is what refuses it.
    throw raw.t === 'null' && p.compiled ? bindingFailed(cmdlet, p, e.message) : castError(cmdlet, p, e.message);
  }
  if (type === ACTION_PREFERENCE_ENUM && p.origin === 'common' && v.names[0] === 'Suspend')
    throw bindingFailed(cmdlet, p, SUSPEND);
  return v.names;
}

function toText(cmdlet: string, p: ParameterInfo, raw: RawArgument): string | null {
  if (raw.t === 'array') {
    if (p.compiled) throw cannotConvertArgument(cmdlet, p, 'System.Object[]', NOT_SUPPORTED);
    throw castError(cmdlet, p, 'Cannot convert value to type System.String.');
  }
  if (raw.t === 'null') return p.compiled ? null : '';
  const text = argumentText(raw);
  if (text === '' && p.origin === 'common' && VARIABLE_PARAMETERS.has(p.spec.name)) {
    throw validationError(
      cmdlet,
      p,
      'Cannot process argument because the value of argument "path" is not valid. Change the value of the "path" argument and run the operation again.',
    );
  }
  return text;
}

function toTextArray(raw: RawArgument): readonly ParameterValue[] | null {
  if (raw.t === 'null') return null;
  if (raw.t !== 'array') return Object.freeze([argumentText(raw)]);
  return Object.freeze(raw.items.map((i) => (i.t === 'value' ? i.value : elementText(i))));
}

function toSecureString(cmdlet: string, p: ParameterInfo, raw: RawArgument): null {
  if (raw.t === 'null') return null;
  if (raw.t === 'bool')
    throw castError(
      cmdlet,
      p,
      `Cannot convert value "${argumentText(raw)}" to type "${SECURE_STRING}". Error: "Invalid cast from 'System.Boolean' to '${SECURE_STRING}'."`,
    );
  throw castError(cmdlet, p, `Cannot convert the value of type "${typeName(raw)}" to type "${SECURE_STRING}".`);
}

/** Bytes: each element converted to [byte]; a scalar's failure is wrapped in the array conversion's. */
function toBytes(cmdlet: string, p: ParameterInfo, raw: RawArgument, dialect: Dialect): Uint8Array | null {
  if (raw.t === 'null') return null;
  const items = raw.t === 'array' ? raw.items : [raw];
  const out = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const v = integerOf(items[i]!, 'Byte', dialect);
    if (typeof v === 'number') {
      out[i] = v;
      continue;
    }
    throw castError(
      cmdlet,
      p,
      raw.t === 'array'
        ? v.why
        : `Cannot convert value "${argumentText(raw)}" to type "System.Byte[]". Error: "${v.why}"`,
    );
  }
  return out;
}

function toX500Name(cmdlet: string, p: ParameterInfo, raw: RawArgument): string | null {
  if (raw.t === 'null') return null;
  if (raw.t === 'bool')
    throw castError(
      cmdlet,
      p,
      `Cannot convert value "${argumentText(raw)}" to type "${p.netType}". Error: "Invalid cast from 'System.Boolean' to '${p.netType}'."`,
    );
  if (raw.t === 'array')
    throw castError(
      cmdlet,
      p,
      `Cannot convert the "System.Object[]" value of type "System.Object[]" to type "${p.netType}".`,
    );
  const text = argumentText(raw);
  const why = x500NameError(text);
  if (why) throw castError(cmdlet, p, `Cannot convert value "${text}" to type "${p.netType}". Error: "${why}"`);
  return text;
}

/** A Boolean never converts; a string names a certificate file, which only running the command can read. */
function toCertificate(cmdlet: string, p: ParameterInfo, raw: RawArgument): ParameterValue {
  if (raw.t === 'bool')
    throw castError(
      cmdlet,
      p,
      `Cannot convert value "${argumentText(raw)}" to type "${p.netType}". Error: "Invalid cast from 'System.Boolean' to '${p.netType}'."`,
    );
  return rawToValue(raw);
}

/** PowerShell 7 refuses `-Encoding Byte` (its encoding transformation knows no such name). */
function toEncoding(cmdlet: string, p: ParameterInfo, raw: RawArgument, dialect: Dialect): ParameterValue {
  const value = raw.t === 'array' ? rawToValue(raw) : raw.t === 'null' ? null : argumentText(raw);
  if (!dialect.fileBytes.encodingByte && typeof value === 'string' && value.toLowerCase() === 'byte') {
    // An argument transformation of its own, so a transformation error even on a compiled cmdlet.
    throw castError(
      cmdlet,
      { ...p, compiled: false },
      `'${value}' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')`,
      dialect.fileBytes.hint,
    );
  }
  return value;
}

// Types whose null/empty checks are known (the spec tables do not record [AllowNull]/[AllowEmptyString]/...).
const CHECKED_MANDATORY = new Set([
  'String',
  'Fqdn',
  'ServerIdParameter',
  'ExchangeCertificateIdParameter',
  'SendConnectorIdParameter',
  'ReceiveConnectorIdParameter',
  'ClientAccessServerIdParameter',
  'SmtpX509Identifier',
  'String[]',
  'MultiValuedProperty',
  'Byte[]',
  'SecureString',
  'X500DistinguishedName',
]);

/** A mandatory parameter refuses null, '' for [string] (elements too) and empty arrays (after conversion). */
function checkMandatory(cmdlet: string, p: ParameterInfo, value: ParameterValue): void {
  if (value === null) throw emptyMandatory(cmdlet, p, 'null');
  if (value === '') throw emptyMandatory(cmdlet, p, 'empty string');
  if (value instanceof Uint8Array && value.length === 0) throw emptyMandatory(cmdlet, p, 'empty array');
  if (Array.isArray(value)) {
    if (value.length === 0) throw emptyMandatory(cmdlet, p, 'empty array');
    for (const v of value) {
      if (v === null) throw emptyMandatory(cmdlet, p, 'null');
      if (v === '') throw emptyMandatory(cmdlet, p, 'empty string');
    }
  }
}

function convert(
  cmdlet: string,
  p: ParameterInfo,
  raw: RawArgument,
  dialect: Dialect,
  major: ExchangeMajor | undefined,
): ParameterValue {
  switch (p.spec.type) {
    case 'SwitchParameter':
      return toSwitch(cmdlet, p, raw, dialect);
    case 'Boolean':
      return toBoolean(cmdlet, p, raw);
    case 'Int32':
    case 'Int64':
      return toInteger(cmdlet, p, raw, p.spec.type, dialect);
    case 'AllowedServices':
      return toEnumValue(cmdlet, p, raw, allowedServicesEnum(major));
    case 'ActionPreference':
      return toEnumValue(cmdlet, p, raw, ACTION_PREFERENCE_ENUM)[0]!;
    case 'MultiValuedProperty':
    case 'String[]':
      return toTextArray(raw);
    case 'SecureString':
      return toSecureString(cmdlet, p, raw);
    case 'Byte[]':
      return toBytes(cmdlet, p, raw, dialect);
    case 'X500DistinguishedName':
      return toX500Name(cmdlet, p, raw);
    case 'Encoding':
      return toEncoding(cmdlet, p, raw, dialect);
    case 'Object[]':
      return raw.t === 'array' ? rawToValue(raw) : Object.freeze([rawToValue(raw)]);
    case 'X509Certificate2':
      return toCertificate(cmdlet, p, raw);
    case 'Object':
    case 'ScriptBlock':
    case 'Hashtable[]':
      return rawToValue(raw);
    default:
      return toText(cmdlet, p, raw);
  }
}

/**
 * Converts a written argument to what the parameter's type makes of it (then checks a mandatory parameter's value),
 * or throws PowerShell's error. Computed values (variables, expressions) are kept as typed expression objects.
 */
export function convertArgument(
  cmdlet: string,
  p: ParameterInfo,
  raw: RawArgument,
  dialect: Dialect,
  major?: ExchangeMajor,
): ParameterValue {
  if (raw.t === 'value') return raw.value;
  if (raw.t === 'array' && !KEEPS_COMPUTED_ELEMENTS.has(p.spec.type) && raw.items.some((i) => i.t === 'value'))
    return rawToValue(raw);
  const value = convert(cmdlet, p, raw, dialect, major);
  if (p.spec.mandatory && CHECKED_MANDATORY.has(p.spec.type)) checkMandatory(cmdlet, p, value);
  return value;
}
