// The SecureString-from-text idiom, `(ConvertTo-SecureString -String '...' -AsPlainText [-Force])`: how each shell
// writes it, and how a bound invocation is recognised as it (for binding, lint, redaction and the interpreter).
import type { CommandAst, Extent } from '../ast/ast.js';
import type { Invocation } from '../node/invocation.js';
import { createInvocation } from '../node/invocation.js';

/** The idiom as one shell writes it. */
export interface SecureStringIdiom {
  /** Windows PowerShell 2.0 and 5.1 refuse `-AsPlainText` without `-Force`; PowerShell 7 does not need it. */
  readonly needsForce: boolean;
  /** The ConvertTo-SecureString invocation that turns `text` into a SecureString. */
  invocation(text: string): Invocation;
}

function idiom(needsForce: boolean): SecureStringIdiom {
  return Object.freeze({
    needsForce,
    invocation: (text: string): Invocation =>
      createInvocation(
        'ConvertTo-SecureString',
        'PlainText',
        needsForce ? { string: text, asPlainText: true, force: true } : { string: text, asPlainText: true },
      ),
  });
}

/** Windows PowerShell 2.0 and 5.1: `ConvertTo-SecureString -String '...' -AsPlainText -Force`. */
export const SECURE_STRING_WITH_FORCE: SecureStringIdiom = idiom(true);
/** PowerShell 7: `ConvertTo-SecureString -String '...' -AsPlainText`. */
export const SECURE_STRING_PLAIN: SecureStringIdiom = idiom(false);

/** ConvertTo-SecureString refuses an empty -String: an empty SecureString is written as a new one. */
export const EMPTY_SECURE_STRING = '(New-Object System.Security.SecureString)';

/** The option name of the parameter that carries the plain text (its source extent is what redaction hides). */
export const PLAIN_TEXT_PARAMETER = 'string';

/** What recognition needs of a bound invocation. */
export interface BoundLike {
  readonly cmdlet: string;
  readonly parameterSet: string | null;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly args?: readonly unknown[] | undefined;
}

/**
 * The plain text a bound `ConvertTo-SecureString -AsPlainText` converts, or null when it is not the idiom.
 * @example plainTextOf({ cmdlet: 'ConvertTo-SecureString', parameterSet: 'PlainText', parameters: { string: 'x', asPlainText: true } }) // 'x'
 */
export function plainTextOf(bound: BoundLike): string | null {
  const text = bound.parameters[PLAIN_TEXT_PARAMETER];
  return convertsPlainText(bound) && typeof text === 'string' ? text : null;
}

/** True for `ConvertTo-SecureString -AsPlainText` whatever its -String is (a literal, a variable, an expression). */
export function convertsPlainText(bound: BoundLike): boolean {
  return bound.cmdlet === 'ConvertTo-SecureString' && bound.parameters.asPlainText === true;
}

/** True for `New-Object System.Security.SecureString` (how an empty password is written). */
export function isEmptySecureString(bound: BoundLike): boolean {
  const arg = bound.args?.length === 1 ? bound.args[0] : undefined;
  return (
    bound.parameterSet === null &&
    /^new-object$/i.test(bound.cmdlet) &&
    Object.keys(bound.parameters).length === 0 &&
    typeof arg === 'string' &&
    /^(system\.security\.)?securestring$/i.test(arg)
  );
}

/** `-S`, `-St`, ... `-String`: the prefixes PowerShell accepts for ConvertTo-SecureString's -String. */
const STRING_PARAMETER = /^s(t(r(i(ng?)?)?)?)?$/i;

/**
 * Where the plain text of a ConvertTo-SecureString command that does not bind stands: the argument after -String, else
 * the first positional argument (redaction hides it even when binding fails).
 */
export function plainTextExtentGuess(cmd: CommandAst): Extent | null {
  const els = cmd.commandElements;
  for (let i = 1; i < els.length; i++) {
    const el = els[i]!;
    if (el.type === 'CommandParameterAst') {
      if (STRING_PARAMETER.test(el.parameterName)) return el.argument?.extent ?? els[i + 1]?.extent ?? null;
      continue;
    }
    return el.extent;
  }
  return null;
}
