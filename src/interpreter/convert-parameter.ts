// Converts an evaluated argument to its parameter's type at run time, with PowerShell's binding errors.
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import type { ExchangeMajor } from '../spec/exchange-target.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
import { NO_OUTPUT, isArrayLike, toStr } from '../runtime/ps-values.js';
import { bindingFailure } from './binding-failure.js';
import { PARAMETER_CONVERTERS, TO_STRING } from './parameter-converters.js';

/** Mandatory parameters declared [AllowNull()]/[AllowEmptyCollection()]. */
const ALLOW_NULL = new Set(['Set-Content.Value', 'Write-Output.InputObject', 'Write-Host.Object']);

const STRING_TYPES = new Set([
  'String',
  'Fqdn',
  'ServerIdParameter',
  'ExchangeCertificateIdParameter',
  'SendConnectorIdParameter',
  'ReceiveConnectorIdParameter',
  'ClientAccessServerIdParameter',
  'SmtpX509Identifier',
  'X500DistinguishedName',
  'Encoding',
]);

/** A mandatory parameter refuses $null, an empty string and an empty array. */
function refuseEmpty(cmdlet: string, p: ParameterSpec, v: unknown): void {
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
  const v: unknown = value === NO_OUTPUT || value === undefined ? null : value;
  if (p.mandatory && p.type !== 'SwitchParameter' && !ALLOW_NULL.has(`${cmdlet}.${p.name}`)) refuseEmpty(cmdlet, p, v);
  const convert = PARAMETER_CONVERTERS[p.type] ?? TO_STRING;
  return convert({ cmdlet, p, v, dialect, major });
}
