import type { BoundInvocation } from '../bind/bound-invocation.js';
import type { ScriptBlockAst } from '../ast/ast.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import type { ShellVersion } from '../spec/shell-version.js';
import type { Diagnostic } from './diagnostic.js';

/** What every rule sees. */
export interface LintContext {
  readonly ast: ScriptBlockAst;
  readonly invocations: readonly BoundInvocation[];
  readonly exchange: ExchangeTarget | undefined;
  readonly shell: ShellVersion | undefined;
  /** True when nobody will answer prompts (scheduled tasks, CI): the default for script files. */
  readonly unattended: boolean;
  readonly file: string | undefined;
}

/** A lint rule: one file under rules/, named after it. */
export interface LintRule {
  readonly name: string;
  check(ctx: LintContext): Diagnostic[];
}

/** Builds a diagnostic at an invocation. */
export function at(
  ctx: LintContext,
  inv: BoundInvocation,
  rule: string,
  severity: Diagnostic['severity'],
  message: string,
  suggestion?: string,
): Diagnostic {
  return {
    rule,
    severity,
    message,
    file: ctx.file,
    line: inv.extent.startLine,
    column: inv.extent.startColumn,
    ...(suggestion ? { suggestion } : {}),
  };
}
