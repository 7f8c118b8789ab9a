import { BindingError } from '../errors/binding-error.js';
import type { ParameterValue } from '../node/invocation.js';
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import { ACTION_PREFERENCES, ALLOWED_SERVICES, ALLOWED_SERVICE_NAMES } from '../spec/ps-type.js';
import type { RawArgument } from './raw-argument.js';
import { rawToValue } from './raw-argument.js';

const NET_TYPE: Readonly<Record<string, string>> = {
  String: 'System.String', Boolean: 'System.Boolean', Int32: 'System.Int32', Int64: 'System.Int64', SwitchParameter: 'System.Management.Automation.SwitchParameter',
  SecureString: 'System.Security.SecureString', AllowedServices: 'Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices',
  'Byte[]': 'System.Byte[]', ActionPreference: 'System.Management.Automation.ActionPreference',
};

function transformError(cmdlet: string, p: ParameterSpec, why: string): BindingError {
  return new BindingError({ errorId: 'ParameterArgumentTransformationError', cmdlet, parameter: p.name,
    powershellMessage: `Cannot process argument transformation on parameter '${p.name}'. ${why}` });
}

/** PowerShell's string form of a constant ([string] parameters get a number's original text). */
function asString(raw: RawArgument): string | null {
  switch (raw.t) {
    case 'string': return raw.value;
    case 'number': return raw.text;
    case 'bool': return raw.value ? 'True' : 'False';
    case 'null': return null;
    case 'array': return raw.items.map((i) => asString(i) ?? '').join(' ');
    case 'value': return null;
  }
}

function describeRaw(raw: RawArgument): string {
  return raw.t === 'string' ? raw.value : raw.t === 'number' ? raw.text : raw.t === 'bool' ? (raw.value ? 'True' : 'False') : raw.t === 'value' ? raw.text : '';
}

function toInteger(cmdlet: string, p: ParameterSpec, raw: RawArgument): number {
  const fail = () => transformError(cmdlet, p, `Cannot convert value "${describeRaw(raw)}" to type "${NET_TYPE[p.type] ?? p.type}". Error: "Input string was not in a correct format."`);
  if (raw.t === 'number') {
    if (Number.isInteger(raw.value)) return raw.value;
    const floor = Math.floor(raw.value);
    const diff = raw.value - floor;
    return diff > 0.5 || (diff === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
  }
  if (raw.t === 'bool') return raw.value ? 1 : 0;
  if (raw.t === 'string') {
    const s = raw.value.trim();
    if (/^[+-]?\d+$/.test(s)) return Number(s);
    if (/^0x[0-9a-f]+$/i.test(s)) return Number.parseInt(s.slice(2), 16);
  }
  throw fail();
}

function toBoolean(cmdlet: string, p: ParameterSpec, raw: RawArgument): boolean {
  if (raw.t === 'bool') return raw.value;
  if (raw.t === 'number') return raw.value !== 0;
  if (raw.t === 'null') return false;
  const type = raw.t === 'string' ? 'System.String' : raw.t === 'array' ? 'System.Object[]' : 'System.Object';
  throw transformError(cmdlet, p, `Cannot convert value "${type}" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`);
}

function toServices(cmdlet: string, p: ParameterSpec, raw: RawArgument): readonly string[] {
  const out: string[] = [];
  const add = (item: RawArgument) => {
    if (item.t === 'number') {
      for (const name of ALLOWED_SERVICE_NAMES) if (ALLOWED_SERVICES[name] & item.value && !out.includes(name)) out.push(name);
      if (item.value === 0 && !out.includes('None')) out.push('None');
      return;
    }
    const text = asString(item) ?? '';
    for (const part of text.split(',')) {
      const name = ALLOWED_SERVICE_NAMES.find((n) => n.toLowerCase() === part.trim().toLowerCase());
      if (!name) {
        throw transformError(cmdlet, p, `Cannot convert value "${text}" to type "${NET_TYPE.AllowedServices}". Error: "Unable to match the identifier name ${part.trim()} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${ALLOWED_SERVICE_NAMES.join(', ')}"`);
      }
      if (!out.includes(name)) out.push(name);
    }
  };
  if (raw.t === 'array') raw.items.forEach(add);
  else add(raw);
  return Object.freeze(out);
}

/**
 * Converts a written argument to what the parameter's type makes of it, or throws PowerShell's transformation error.
 * Computed values (variables, expressions) are kept as typed expression objects.
 */
export function convertArgument(cmdlet: string, p: ParameterSpec, raw: RawArgument): ParameterValue {
  if (raw.t === 'value') return raw.value;
  if (raw.t === 'array' && raw.items.some((i) => i.t === 'value') && !['String[]', 'Object[]', 'MultiValuedProperty', 'Object'].includes(p.type)) {
    return rawToValue(raw);
  }
  switch (p.type) {
    case 'SwitchParameter':
    case 'Boolean':
      return toBoolean(cmdlet, p, raw);
    case 'Int32':
    case 'Int64':
      return toInteger(cmdlet, p, raw);
    case 'AllowedServices':
      return toServices(cmdlet, p, raw);
    case 'MultiValuedProperty':
    case 'String[]':
      return Object.freeze((raw.t === 'array' ? raw.items : [raw]).map((i) => (i.t === 'value' ? i.value : asString(i))));
    case 'Object[]':
      return Object.freeze((raw.t === 'array' ? raw.items : [raw]).map(rawToValue));
    case 'SecureString':
      if (raw.t === 'null') return null;
      throw transformError(cmdlet, p, `Cannot convert the "${describeRaw(raw)}" value of type "${raw.t === 'string' ? 'System.String' : 'System.Object'}" to type "System.Security.SecureString".`);
    case 'ActionPreference': {
      const text = asString(raw) ?? '';
      const name = ACTION_PREFERENCES.find((n) => n.toLowerCase() === text.trim().toLowerCase());
      if (!name) throw transformError(cmdlet, p, `Cannot convert value "${text}" to type "${NET_TYPE.ActionPreference}". Error: "Unable to match the identifier name ${text} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${ACTION_PREFERENCES.join(', ')}"`);
      return name;
    }
    case 'Byte[]':
    case 'X509Certificate2':
    case 'ScriptBlock':
    case 'Hashtable[]':
    case 'Object':
      return rawToValue(raw);
    default:
      return asString(raw);
  }
}
