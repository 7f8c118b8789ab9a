// Run-time conversion of an argument per parameter type: one converter per PsType, as the spec's type table.
import { Secret } from '../node/secret.js';
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import type { PsType } from '../spec/ps-type.js';
import { ACTION_PREFERENCES, ALLOWED_SERVICES, ALLOWED_SERVICE_NAMES } from '../spec/ps-type.js';
import { EXCHANGE_SERVICES } from '../spec/exchange-services.js';
import type { ExchangeMajor } from '../spec/exchange-target.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import { castTo, toByteArray } from '../runtime/ps-types.js';
import { ScriptBlockValue } from '../runtime/script-block-value.js';
import { elements, isArrayLike, isTrue, parseNumber, toStr, typeNameOf } from '../runtime/ps-values.js';
import { NET_TYPE, bindingFailure, scalar, transform } from './binding-failure.js';

/** One conversion: the argument `v` (never undefined) for parameter `p` of `cmdlet`. */
export interface Conversion {
  readonly cmdlet: string;
  readonly p: ParameterSpec;
  readonly v: unknown;
  readonly dialect: InterpreterDialect;
  readonly major?: ExchangeMajor | undefined;
}

type Converter = (c: Conversion) => unknown;

function services(cmdlet: string, p: ParameterSpec, v: unknown, major: ExchangeMajor | undefined): string[] {
  const names = major === undefined ? ALLOWED_SERVICE_NAMES : EXCHANGE_SERVICES[major].enumValues;
  const out: string[] = [];
  for (const item of isArrayLike(v) ? elements(v) : [v]) {
    if (typeof item === 'number') {
      for (const name of names) if (ALLOWED_SERVICES[name] & item && !out.includes(name)) out.push(name);
      if (item === 0 && !out.includes('None')) out.push('None');
      continue;
    }
    const text = toStr(item);
    for (const part of text.split(',')) {
      const name = names.find((n) => n.toLowerCase() === part.trim().toLowerCase());
      if (!name) {
        throw transform(
          cmdlet,
          p,
          `Cannot convert value "${text}" to type "${NET_TYPE.AllowedServices}". Error: "Unable to match the identifier name ${part.trim()} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${names.join(', ')}"`,
        );
      }
      if (!out.includes(name)) out.push(name);
    }
  }
  return out;
}

function toBoolean({ cmdlet, p, v: value }: Conversion): unknown {
  const v = scalar(cmdlet, p, value);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  throw transform(
    cmdlet,
    p,
    `Cannot convert value "${typeNameOf(v)}" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
  );
}

function toInteger({ cmdlet, p, v: value, dialect }: Conversion): unknown {
  const v = scalar(cmdlet, p, value);
  if (v === null) return null;
  const n =
    typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'string' ? parseNumber(v) : null;
  if (n === null || (typeof v === 'string' && v.trim() === '')) {
    throw transform(
      cmdlet,
      p,
      `Cannot convert value "${toStr(v)}" to type "${NET_TYPE[p.type]}". Error: "${dialect.notANumber(toStr(v))}"`,
    );
  }
  return Number.isInteger(n) ? n : Math.round(n);
}

function toSecureString({ cmdlet, p, v: value }: Conversion): unknown {
  const v = scalar(cmdlet, p, value);
  if (v === null || v instanceof Secret) return v;
  throw transform(
    cmdlet,
    p,
    `Cannot convert the "${toStr(v)}" value of type "${typeNameOf(v)}" to type "System.Security.SecureString".`,
  );
}

function toBytes({ cmdlet, p, v, dialect }: Conversion): unknown {
  try {
    return toByteArray(v, dialect);
  } catch (e) {
    throw bindingFailure(
      cmdlet,
      'CannotConvertArgumentNoMessage',
      `Cannot bind parameter '${p.name}'. ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function toScriptBlock({ cmdlet, p, v: value }: Conversion): unknown {
  const v = scalar(cmdlet, p, value);
  if (v === null || v instanceof ScriptBlockValue) return v;
  throw bindingFailure(
    cmdlet,
    'CannotConvertArgumentNoMessage',
    `Cannot bind parameter '${p.name}'. Cannot convert the "${toStr(v)}" value of type "${typeNameOf(v)}" to type "System.Management.Automation.ScriptBlock".`,
  );
}

function toActionPreference({ cmdlet, p, v }: Conversion): unknown {
  const text = toStr(scalar(cmdlet, p, v));
  const name = ACTION_PREFERENCES.find((n) => n.toLowerCase() === text.trim().toLowerCase());
  if (!name)
    throw transform(
      cmdlet,
      p,
      `Cannot convert value "${text}" to type "${NET_TYPE.ActionPreference}". Error: "Unable to match the identifier name ${text} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${ACTION_PREFERENCES.join(', ')}"`,
    );
  return name;
}

function toDateTime({ cmdlet, p, v: value, dialect }: Conversion): unknown {
  const v = scalar(cmdlet, p, value);
  if (v === null) return null;
  try {
    return castTo('datetime', v, dialect);
  } catch {
    throw transform(
      cmdlet,
      p,
      `Cannot convert value "${toStr(v)}" to type "System.DateTime". Error: "String '${toStr(v)}' was not recognized as a valid DateTime."`,
    );
  }
}

const toStrings: Converter = ({ v }) => (v === null ? null : (isArrayLike(v) ? elements(v) : [v]).map((x) => toStr(x)));
const asIs: Converter = ({ v }) => v;

/** The converter of each parameter type that is not converted to a string. */
export const PARAMETER_CONVERTERS: Readonly<Partial<Record<PsType, Converter>>> = {
  SwitchParameter: ({ v }) => isTrue(v),
  Boolean: toBoolean,
  Int32: toInteger,
  Int64: toInteger,
  AllowedServices: ({ cmdlet, p, v, major }) => (v === null ? null : services(cmdlet, p, v, major)),
  MultiValuedProperty: toStrings,
  'String[]': toStrings,
  'Object[]': ({ v }) => (v === null ? null : isArrayLike(v) ? elements(v) : [v]),
  SecureString: toSecureString,
  'Byte[]': toBytes,
  ScriptBlock: toScriptBlock,
  ActionPreference: toActionPreference,
  'Hashtable[]': ({ v }) =>
    v === null ? null : (isArrayLike(v) ? elements(v) : [v]).filter((x) => x instanceof PsHashtable),
  Object: asIs,
  X509Certificate2: asIs,
  DateTime: toDateTime,
};

/** Any other type: a scalar converted to its string. */
export const TO_STRING: Converter = ({ cmdlet, p, v: value }) => {
  const v = scalar(cmdlet, p, value);
  return v === null ? null : toStr(v);
};
