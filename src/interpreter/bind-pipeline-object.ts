// Binds one pipeline input object to a command's parameters as PowerShell does (by value, then by property name).
import { Secret } from '../node/secret.js';
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import type { ShellView } from '../spec/registry.js';
import { isCertificateObject } from '../runtime/ps-values.js';
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { ScriptBlockValue } from '../runtime/script-block-value.js';
import { findProperty, isArrayLike, isPlainObject, normalize } from '../runtime/ps-values.js';

/** What binding one object gave: parameter values by camelCase name and the parameter set they settle on. */
export interface PipelineObjectBinding {
  readonly values: Readonly<Record<string, unknown>>;
  readonly parameterSet: string;
}

function setsOfParam(view: ShellView, p: ParameterSpec): readonly string[] {
  return p.sets.length === 0 ? view.sets : p.sets;
}

/** True when the object fits the parameter's type without conversion. */
function fitsExactly(p: ParameterSpec, v: unknown): boolean {
  switch (p.type) {
    case 'Object':
    case 'Object[]':
      return true;
    case 'String':
    case 'Fqdn':
    case 'ServerIdParameter':
    case 'ExchangeCertificateIdParameter':
    case 'SendConnectorIdParameter':
    case 'ReceiveConnectorIdParameter':
    case 'ClientAccessServerIdParameter':
    case 'SmtpX509Identifier':
    case 'X500DistinguishedName':
      return typeof v === 'string';
    case 'DateTime':
      return v instanceof Date;
    case 'String[]':
    case 'MultiValuedProperty':
      return typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    case 'Int32':
    case 'Int64':
      return typeof v === 'number' && Number.isInteger(v);
    case 'Boolean':
    case 'SwitchParameter':
      return typeof v === 'boolean';
    case 'ScriptBlock':
      return v instanceof ScriptBlockValue;
    case 'Byte[]':
      return v instanceof Uint8Array;
    case 'SecureString':
      return v instanceof Secret;
    case 'X509Certificate2':
      return isCertificateObject(v);
    default:
      return false;
  }
}

/** True when the object can be converted to the parameter's type. */
function convertible(p: ParameterSpec, v: unknown): boolean {
  switch (p.type) {
    case 'ScriptBlock':
    case 'SecureString':
    case 'X509Certificate2':
    case 'Hashtable[]':
      return fitsExactly(p, v);
    case 'Byte[]':
      return v instanceof Uint8Array || typeof v === 'number' || isArrayLike(v);
    default:
      return true;
  }
}

function propertyOf(obj: unknown, p: ParameterSpec): { found: boolean; value: unknown } {
  if (!isPlainObject(obj)) return { found: false, value: null };
  for (const name of [p.name, ...p.aliases]) {
    const k = findProperty(obj, name);
    if (k !== undefined) return { found: true, value: normalize(obj[k]) };
  }
  return { found: false, value: null };
}

/** PowerShell's order: by value with the exact type, then by property name, then by value with conversion. */
function chooseParameters(
  byValue: readonly ParameterSpec[],
  byProperty: readonly ParameterSpec[],
  obj: unknown,
): { p: ParameterSpec; value: unknown }[] {
  const exact = byValue.find((p) => fitsExactly(p, obj));
  if (exact) return [{ p: exact, value: obj }];
  const chosen: { p: ParameterSpec; value: unknown }[] = [];
  for (const p of byProperty) {
    const prop = propertyOf(obj, p);
    if (prop.found) chosen.push({ p, value: prop.value });
  }
  if (chosen.length > 0) return chosen;
  const coerced = byValue.find((p) => convertible(p, obj));
  return coerced ? [{ p: coerced, value: obj }] : [];
}

/**
 * Binds `obj` to the parameters left unbound (`bound` holds PowerShell names), trying in turn: by value without
 * conversion, by property name, by value with conversion; the first pass that binds anything wins. Throws
 * PowerShell's InputObjectNotBound / InputObjectMissingMandatory errors (non-terminating for that object).
 */
export function bindPipelineObject(
  view: ShellView,
  preferredSet: string,
  bound: ReadonlySet<string>,
  obj: unknown,
): PipelineObjectBinding {
  const cmdlet = view.cmdlet.name;
  const boundSpecs = view.parameters.filter((p) => bound.has(p.name));
  const sets = view.sets.filter((s) => boundSpecs.every((p) => setsOfParam(view, p).includes(s)));
  const candidates = view.parameters
    .filter((p) => p.pipeline !== undefined && !bound.has(p.name) && setsOfParam(view, p).some((s) => sets.includes(s)))
    .sort(
      (a, b) =>
        Number(setsOfParam(view, b).includes(preferredSet)) - Number(setsOfParam(view, a).includes(preferredSet)),
    );
  const byValue = candidates.filter((p) => p.pipeline === 'value' || p.pipeline === 'both');
  const byProperty = candidates.filter((p) => p.pipeline === 'property' || p.pipeline === 'both');

  const chosen = chooseParameters(byValue, byProperty, obj);
  if (chosen.length === 0) {
    throw new RuntimeFailure(
      'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
      {
        errorId: 'InputObjectNotBound',
        category: 'InvalidArgument',
        command: cmdlet,
        exceptionType: 'System.Management.Automation.ParameterBindingException',
        targetObject: obj,
      },
    );
  }
  const names = new Set([...bound, ...chosen.map((c) => c.p.name)]);
  const all = view.parameters.filter((p) => names.has(p.name));
  const fitting = sets.filter((s) => all.every((p) => setsOfParam(view, p).includes(s)));
  const parameterSet = fitting.includes(preferredSet)
    ? preferredSet
    : fitting.includes(view.defaultSet)
      ? view.defaultSet
      : (fitting[0] ?? preferredSet);
  const missing = view.parameters.filter(
    (p) => p.mandatory && !names.has(p.name) && setsOfParam(view, p).includes(parameterSet),
  );
  if (missing.length > 0) {
    throw new RuntimeFailure(
      `The input object cannot be bound because it did not contain the information required to bind all mandatory parameters:  ${missing.map((p) => p.name).join(' ')}`,
      {
        errorId: 'InputObjectMissingMandatory',
        category: 'InvalidArgument',
        command: cmdlet,
        exceptionType: 'System.Management.Automation.ParameterBindingException',
        targetObject: obj,
      },
    );
  }
  const values: Record<string, unknown> = {};
  for (const c of chosen) values[c.p.option] = c.value;
  return { values, parameterSet };
}
