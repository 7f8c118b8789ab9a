import { BindingError } from '../errors/binding-error.js';
import { bindScript } from '../bind/bind.js';
import { ParseError } from '../parser/parse-error.js';
import { parseExchangeTarget } from '../spec/exchange-target.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import { parseShellVersion } from '../spec/shell-version.js';
import type { ShellVersion } from '../spec/shell-version.js';
import type { Diagnostic } from './diagnostic.js';
import { fixRunbook } from './fix-runbook.js';
import type { TextEdit } from './text-edit.js';
import { ValidationError } from '../errors/validation-error.js';
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
  /**
   * Report prompts an unattended run cannot answer (default true). With `fix`, only an explicit `true` also adds
   * `-Force` / `-Confirm:$false` to the commands that would stop at one.
   */
  readonly unattended?: boolean;
  /** Apply every safe rewrite and return `{ text, edits, findings }`. */
  readonly fix?: boolean;
  /** With `fix`: a plain-text password becomes a prompt or a variable filled at run time (default with `unattended: true`). */
  readonly secrets?: 'prompt' | 'variable';
}

/** What `lint` returns for these options: the fix result with `fix: true`, else the findings. */
export type LintResult<O extends LintOptions> = O extends { readonly fix: true }
  ? LintFixResult
  : readonly Diagnostic[];

/** What `lint(text, { fix: true })` returns: the fixed text, the edits on the original text, what is left. */
export interface LintFixResult {
  readonly text: string;
  readonly edits: readonly TextEdit[];
  /** The findings of the fixed text (line and column in it): those without a safe rewrite. */
  readonly findings: readonly Diagnostic[];
}

/**
 * Lints a runbook for a target: binding errors as that version's PowerShell reports them, then every rule. With
 * `fix: true` it also applies every safe rewrite (edits on the parser's extents; nothing outside them changes).
 * @example lint("Get-Content -Path x -Encoding Byte", { shell: '7' })[0].message
 * @example lint("Get-Content -Path x -Encoding Byte", { shell: '7', fix: true }).text // "Get-Content -Path x -AsByteStream"
 */
export function lint<O extends LintOptions = LintOptions>(text: string, options?: O): LintResult<O> {
  if (options?.fix === true) return lintAndFix(text, options) as LintResult<O>;
  return findings(text, options ?? {}) as LintResult<O>;
}

function lintAndFix(text: string, options: LintOptions): LintFixResult {
  const exchange = options.exchange === undefined ? undefined : parseExchangeTarget(options.exchange);
  const shell = parseShellVersion(options.shell === undefined ? undefined : String(options.shell), exchange);
  // Nobody answers a prompt in an unattended run: there a variable filled at run time is the default.
  const secrets = options.secrets ?? (options.unattended === true ? 'variable' : 'prompt');
  if (secrets !== 'prompt' && secrets !== 'variable')
    throw new ValidationError({
      code: 'INVALID_SECRETS_MODE',
      parameter: 'secrets',
      value: String(secrets),
      allowed: 'prompt, variable',
      message: `secrets '${String(secrets)}' is not a way to replace a plain-text password. Allowed: prompt, variable.`,
    });
  const first = findings(text, options);
  if (first.some((d) => d.rule === 'parse')) return Object.freeze({ text, edits: Object.freeze([]), findings: first });
  const fixed = fixRunbook(text, { exchange, shell, secrets, unattended: options.unattended === true });
  return Object.freeze({
    text: fixed.text,
    edits: fixed.edits,
    findings: fixed.edits.length === 0 ? first : findings(fixed.text, options),
  });
}

function findings(text: string, options: LintOptions): readonly Diagnostic[] {
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
