// The ParameterBindingException failures of run-time parameter conversion, and the one-element rule of scalar types.
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { elements, isArrayLike, typeNameOf } from '../runtime/ps-values.js';

/** The .NET name of a parameter type in PowerShell's conversion messages. */
export const NET_TYPE: Readonly<Record<string, string>> = {
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

export /** A binding failure for a command (ParameterBindingException). */
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

/** ParameterArgumentTransformationError: the argument cannot become the parameter's type. */
export function transform(cmdlet: string, p: ParameterSpec, why: string): RuntimeFailure {
  return bindingFailure(
    cmdlet,
    'ParameterArgumentTransformationError',
    `Cannot process argument transformation on parameter '${p.name}'. ${why}`,
  );
}

/** A one-element array is its element; a longer one cannot bind to a scalar parameter. */
export function scalar(cmdlet: string, p: ParameterSpec, v: unknown): unknown {
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
