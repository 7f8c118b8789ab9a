import { ValidationError } from '../errors/validation-error.js';
import type { ExchangeTarget } from './exchange-target.js';

/** PowerShell dialects: Windows PowerShell 2.0 (Exchange 2010), 5.1 (EMS on 2013+), PowerShell 7 (remote client). */
export const SHELL_VERSIONS = ['2.0', '5.1', '7'] as const;
export type ShellVersion = (typeof SHELL_VERSIONS)[number];

/** Which shells have something (helper cmdlet parameters differ between them). */
export type ShellAvailability = readonly ShellVersion[];
export const ALL_SHELLS: ShellAvailability = Object.freeze(['2.0', '5.1', '7'] as const);

/**
 * Reads `2.0`, `2`, `5.1`, `5`, `7`, `7.4`...; defaults to the shell an admin has on the target.
 * @example parseShellVersion('5') // '5.1'
 */
export function parseShellVersion(text: string | undefined, target?: ExchangeTarget): ShellVersion {
  if (text === undefined) return target?.major === '2010' ? '2.0' : '5.1';
  const t = String(text).trim();
  if (/^2(\.0)?$/.test(t)) return '2.0';
  if (/^5(\.1)?$/.test(t)) return '5.1';
  if (/^7(\.\d+)?$/.test(t)) return '7';
  throw new ValidationError({
    code: 'INVALID_SHELL',
    parameter: 'shell',
    value: t,
    allowed: '2.0, 5.1 or 7',
    message: `Unknown PowerShell dialect '${t}'. Allowed: 2.0, 5.1 or 7.`,
  });
}

/** PowerShell's message for an unresolvable parameter set (7 adds a second sentence). */
export function ambiguousParameterSetMessage(shell: ShellVersion): string {
  const more =
    ' One or more parameters issued cannot be used together or an insufficient number of parameters were provided.';
  return `Parameter set cannot be resolved using the specified named parameters.${shell === '7' ? more : ''}`;
}
