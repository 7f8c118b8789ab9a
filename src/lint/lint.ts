import { BindingError } from '../errors/binding-error.js';
import { bindScript } from '../bind/bind.js';
import { ParseError } from '../parser/parse-error.js';
import { parseExchangeTarget } from '../spec/exchange-target.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import { parseShellVersion } from '../spec/shell-version.js';
import type { ShellVersion } from '../spec/shell-version.js';
import type { Diagnostic } from './diagnostic.js';
import type { LintContext, LintRule } from './lint-context.js';
import { plaintextPassword } from './rules/plaintext-password.js';
import { relativeDotnetPath } from './rules/relative-dotnet-path.js';
import { scriptErrorPreference } from './rules/script-error-preference.js';
import { serviceAvailability } from './rules/service-availability.js';
import { unattendedPrompts } from './rules/unattended-prompts.js';
import { valueFormats } from './rules/value-formats.js';

/** Every rule, in reporting order. */
export const LINT_RULES: readonly LintRule[] = Object.freeze([
  valueFormats,
  serviceAvailability,
  plaintextPassword,
  unattendedPrompts,
  relativeDotnetPath,
  scriptErrorPreference,
]);

/** Options of `lint`. */
export interface LintOptions {
  readonly exchange?: string | ExchangeTarget;
  readonly shell?: ShellVersion | string;
  readonly file?: string;
  /** Report prompts an unattended run cannot answer (default true). */
  readonly unattended?: boolean;
}

/**
 * Lints a runbook for a target: binding errors as that version's PowerShell reports them, then every rule.
 * @example lint("Get-Content -Path x -Encoding Byte", { shell: '7' })[0].message
 */
export function lint(text: string, options: LintOptions = {}): readonly Diagnostic[] {
  const exchange = options.exchange === undefined ? undefined : parseExchangeTarget(options.exchange);
  const shell = options.shell === undefined ? undefined : parseShellVersion(options.shell);
  let result;
  try {
    result = bindScript(text, {
      ...(exchange ? { exchange } : {}),
      ...(shell ? { shell } : {}),
      ...(options.file ? { file: options.file } : {}),
    });
  } catch (e) {
    if (e instanceof ParseError)
      return [
        { rule: 'parse', severity: 'error', message: e.reason, file: options.file, line: e.line, column: e.column },
      ];
    throw e;
  }
  const diagnostics: Diagnostic[] = result.errors.map((e: BindingError) => ({
    rule: e.errorId === 'NamedParameterNotFound' && e.detail ? 'parameter-not-on-target' : 'binding',
    severity: 'error' as const,
    message: `${e.cmdlet}: ${e.powershellMessage}${e.detail ? ` ${e.detail}` : ''}`,
    file: options.file,
    line: e.line ?? 1,
    column: e.column ?? 1,
  }));
  const ctx: LintContext = {
    ast: result.ast,
    invocations: result.invocations,
    exchange,
    shell,
    unattended: options.unattended ?? true,
    file: options.file,
  };
  for (const rule of LINT_RULES) diagnostics.push(...rule.check(ctx));
  return Object.freeze(diagnostics.sort((a, b) => a.line - b.line || a.column - b.column));
}
