// PowerShell's parameter-binding errors with its exact wording (ParameterBinderStrings and friends).
import { BindingError } from '../errors/binding-error.js';
import type { ParameterInfo } from '../spec/binding-table.js';

/** A binding error about one parameter of a command. */
function error(
  cmdlet: string,
  errorId: BindingError['errorId'],
  parameter: string,
  powershellMessage: string,
  detail?: string,
): BindingError {
  return new BindingError({ errorId, cmdlet, parameter, powershellMessage, ...(detail ? { detail } : {}) });
}

export function namedParameterNotFound(cmdlet: string, written: string, detail?: string): BindingError {
  return error(
    cmdlet,
    'NamedParameterNotFound',
    written,
    `A parameter cannot be found that matches parameter name '${written}'.`,
    detail,
  );
}

/** `candidates`: every parameter the prefix matches, in lookup order. */
export function ambiguousParameter(
  cmdlet: string,
  written: string,
  candidates: readonly ParameterInfo[],
): BindingError {
  return error(
    cmdlet,
    'AmbiguousParameter',
    written,
    `Parameter cannot be processed because the parameter name '${written}' is ambiguous. Possible matches include:${candidates.map((p) => ` -${p.spec.name}`).join('')}.`,
  );
}

/** Named with its canonical name and the .NET type it takes. */
export function missingArgument(cmdlet: string, p: ParameterInfo): BindingError {
  return error(
    cmdlet,
    'MissingArgument',
    p.spec.name,
    `Missing an argument for parameter '${p.spec.name}'. Specify a parameter of type '${p.netType}' and try again.`,
  );
}

/** `written`: the name as written when the repeat was a switch or used a colon, else the canonical name. */
export function parameterAlreadyBound(cmdlet: string, written: string): BindingError {
  return error(
    cmdlet,
    'ParameterAlreadyBound',
    written,
    `Cannot bind parameter because parameter '${written}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
  );
}

/** `value`: the argument's value as text (`False`, `$null`, a number's source text). */
export function positionalParameterNotFound(cmdlet: string, value: string): BindingError {
  return new BindingError({
    errorId: 'PositionalParameterNotFound',
    cmdlet,
    powershellMessage: `A positional parameter cannot be found that accepts argument '${value}'.`,
  });
}

/**
 * A failed type conversion (PSInvalidCastException's `message`): a script parameter's type converter reports a
 * transformation error, a compiled parameter a "Cannot bind parameter" one.
 */
export function castError(cmdlet: string, p: ParameterInfo, message: string, detail?: string): BindingError {
  return p.compiled
    ? error(
        cmdlet,
        'CannotConvertArgumentNoMessage',
        p.spec.name,
        `Cannot bind parameter '${p.spec.name}'. ${message}`,
        detail,
      )
    : error(
        cmdlet,
        'ParameterArgumentTransformationError',
        p.spec.name,
        `Cannot process argument transformation on parameter '${p.spec.name}'. ${message}`,
        detail,
      );
}

/** A compiled parameter that cannot take a value of this type at all (an array for an [int], a string for a switch). */
export function cannotConvertArgument(
  cmdlet: string,
  p: ParameterInfo,
  fromType: string,
  reason: string,
): BindingError {
  return error(
    cmdlet,
    'CannotConvertArgument',
    p.spec.name,
    `Cannot convert '${fromType}' to the type '${p.netType}' required by parameter '${p.spec.name}'. ${reason}`,
  );
}

/** The converted value was refused by the parameter's setter (`-ErrorAction Suspend`). */
export function bindingFailed(cmdlet: string, p: ParameterInfo, message: string): BindingError {
  return error(
    cmdlet,
    'ParameterBindingFailed',
    p.spec.name,
    `Cannot bind parameter '${p.spec.name}' to the target. Exception setting "${p.spec.name}": "${message}"`,
  );
}

/** A validation attribute refused the value. */
export function validationError(cmdlet: string, p: ParameterInfo, message: string): BindingError {
  return error(
    cmdlet,
    'ParameterArgumentValidationError',
    p.spec.name,
    `Cannot validate argument on parameter '${p.spec.name}'. ${message}`,
  );
}

/** A mandatory parameter got null, an empty string or an empty array. */
export function emptyMandatory(
  cmdlet: string,
  p: ParameterInfo,
  what: 'null' | 'empty string' | 'empty array',
): BindingError {
  const id =
    what === 'null'
      ? 'ParameterArgumentValidationErrorNullNotAllowed'
      : what === 'empty string'
        ? 'ParameterArgumentValidationErrorEmptyStringNotAllowed'
        : 'ParameterArgumentValidationErrorEmptyArrayNotAllowed';
  return error(
    cmdlet,
    id,
    p.spec.name,
    `Cannot bind argument to parameter '${p.spec.name}' because it is ${what === 'null' ? 'null' : `an ${what}`}.`,
  );
}
