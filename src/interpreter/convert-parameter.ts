// Converts an evaluated argument to its parameter's type at run time, with PowerShell's binding errors.
import { Secret } from '../node/secret.js';
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import { ACTION_PREFERENCES, ALLOWED_SERVICES, ALLOWED_SERVICE_NAMES } from '../spec/ps-type.js';
import { EXCHANGE_SERVICES } from '../spec/exchange-services.js';
import type { ExchangeMajor } from '../spec/exchange-target.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import { toByteArray } from '../runtime/ps-types.js';
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { ScriptBlockValue } from '../runtime/script-block-value.js';
import { NO_OUTPUT, elements, isArrayLike, isTrue, parseNumber, toStr, typeNameOf } from '../runtime/ps-values.js';

const NET_TYPE: Readonly<Record<string, string>> = {
  String: 'System.String',
  Boolean: 'System.Boolean',
  Int32: 'System.Int32',
  Int64: 'System.Int64',
  SwitchParameter: 'System.Management.Automation.SwitchParameter',
  SecureString: 'System.Security.SecureString',
  AllowedServices: 'Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices',
  'Byte[]': 'System.Byte[]',
  ActionPreference: 'System.Management.Automation.ActionPreference',
  ScriptBlock: 'System.Management.Automation.ScriptBlock',
};

/** A binding failure for a command (ParameterBindingException). */
function bindingFailure(
  cmdlet: string,
  errorId: string,
  message: string,
  category = 'InvalidArgument',
): RuntimeFailure {
  return new RuntimeFailure(message, {
    errorId,
    category,
    command: cmdlet,
    exceptionType: 'System.Management.Automation.ParameterBindingException',
  });
}

function transform(cmdlet: string, p: ParameterSpec, why: string): RuntimeFailure {
  return bindingFailure(
    cmdlet,
    'ParameterArgumentTransformationError',
    `Cannot process argument transformation on parameter '${p.name}'. ${why}`,
  );
}

/** Mandatory parameters declared [AllowNull()]/[AllowEmptyCollection()]. */
const ALLOW_NULL = new Set(['Set-Content.Value', 'Write-Output.InputObject', 'Write-Host.Object']);

const STRING_TYPES = new Set([
  'String',
  'Fqdn',
  'ServerIdParameter',
  'ExchangeCertificateIdParameter',
  'X500DistinguishedName',
  'Encoding',
]);

function scalar(cmdlet: string, p: ParameterSpec, v: unknown): unknown {
  if (isArrayLike(v)) {
    if (v.length === 1) return elements(v)[0];
    throw bindingFailure(
      cmdlet,
      'CannotConvertArgument',
      `Cannot convert '${typeNameOf(v)}' to the type '${NET_TYPE[p.type] ?? `System.${p.type}`}' required by parameter '${p.name}'. Specified method is not supported.`,
    );
  }
  return v;
}

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

/**
 * The value a parameter receives from an evaluated argument (strings for string-like types, arrays for array types,
 * Uint8Array for Byte[], a Secret for SecureString, names for AllowedServices); throws PowerShell's binding error.
 */
export function convertParameterValue(
  cmdlet: string,
  p: ParameterSpec,
  value: unknown,
  dialect: InterpreterDialect,
  major?: ExchangeMajor,
): unknown {
  let v: unknown = value === NO_OUTPUT || value === undefined ? null : value;
  if (p.mandatory && p.type !== 'SwitchParameter' && !ALLOW_NULL.has(`${cmdlet}.${p.name}`)) {
    const empty =
      v === null ||
      (typeof v === 'string' && v === '') ||
      (STRING_TYPES.has(p.type) && !isArrayLike(v) && toStr(v) === '');
    if (empty && (STRING_TYPES.has(p.type) || typeof v === 'string')) {
      throw bindingFailure(
        cmdlet,
        'ParameterArgumentValidationErrorEmptyStringNotAllowed',
        `Cannot bind argument to parameter '${p.name}' because it is an empty string.`,
        'InvalidData',
      );
    }
    if (v === null)
      throw bindingFailure(
        cmdlet,
        'ParameterArgumentValidationErrorNullNotAllowed',
        `Cannot bind argument to parameter '${p.name}' because it is null.`,
        'InvalidData',
      );
    if (isArrayLike(v) && v.length === 0 && p.type.endsWith('[]')) {
      throw bindingFailure(
        cmdlet,
        'ParameterArgumentValidationErrorEmptyArrayNotAllowed',
        `Cannot bind argument to parameter '${p.name}' because it is an empty array.`,
        'InvalidData',
      );
    }
  }
  switch (p.type) {
    case 'SwitchParameter':
      return isTrue(v);
    case 'Boolean': {
      v = scalar(cmdlet, p, v);
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v !== 0;
      if (v === null) return false;
      throw transform(
        cmdlet,
        p,
        `Cannot convert value "${typeNameOf(v)}" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
      );
    }
    case 'Int32':
    case 'Int64': {
      v = scalar(cmdlet, p, v);
      if (v === null) return null;
      const n =
        typeof v === 'number'
          ? v
          : typeof v === 'boolean'
            ? v
              ? 1
              : 0
            : typeof v === 'string'
              ? parseNumber(v)
              : null;
      if (n === null || (typeof v === 'string' && v.trim() === '')) {
        throw transform(
          cmdlet,
          p,
          `Cannot convert value "${toStr(v)}" to type "${NET_TYPE[p.type]}". Error: "${dialect.notANumber(toStr(v))}"`,
        );
      }
      return Number.isInteger(n) ? n : Math.round(n);
    }
    case 'AllowedServices':
      return v === null ? null : services(cmdlet, p, v, major);
    case 'MultiValuedProperty':
    case 'String[]':
      return v === null ? null : (isArrayLike(v) ? elements(v) : [v]).map((x) => toStr(x));
    case 'Object[]':
      return v === null ? null : isArrayLike(v) ? elements(v) : [v];
    case 'SecureString':
      v = scalar(cmdlet, p, v);
      if (v === null || v instanceof Secret) return v;
      throw transform(
        cmdlet,
        p,
        `Cannot convert the "${toStr(v)}" value of type "${typeNameOf(v)}" to type "System.Security.SecureString".`,
      );
    case 'Byte[]':
      try {
        return toByteArray(v, dialect);
      } catch (e) {
        throw bindingFailure(
          cmdlet,
          'CannotConvertArgumentNoMessage',
          `Cannot bind parameter '${p.name}'. ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    case 'ScriptBlock':
      v = scalar(cmdlet, p, v);
      if (v === null || v instanceof ScriptBlockValue) return v;
      throw bindingFailure(
        cmdlet,
        'CannotConvertArgumentNoMessage',
        `Cannot bind parameter '${p.name}'. Cannot convert the "${toStr(v)}" value of type "${typeNameOf(v)}" to type "System.Management.Automation.ScriptBlock".`,
      );
    case 'ActionPreference': {
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
    case 'Hashtable[]':
      return v === null ? null : (isArrayLike(v) ? elements(v) : [v]).filter((x) => x instanceof PsHashtable);
    case 'Object':
    case 'X509Certificate2':
      return v;
    default: {
      v = scalar(cmdlet, p, v);
      return v === null ? null : toStr(v);
    }
  }
}
