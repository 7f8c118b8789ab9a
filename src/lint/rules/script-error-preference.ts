// Lint rule: a script's own $ErrorActionPreference relied on by Exchange cmdlets, which never see it in the EMS.
import type { AssignmentStatementAst } from '../../ast/ast.js';
import { walkAst } from '../../parser/ast-walk.js';
import { findCmdlet } from '../../spec/registry.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-context.js';

/** `$ErrorActionPreference = ...` without `global:` (script, local or function scope). */
export function isScopedPreference(st: AssignmentStatementAst): boolean {
  if (st.left.type !== 'VariableExpressionAst') return false;
  return /^((script|local|private):)?erroractionpreference$/i.test(st.left.variablePath);
}

/**
 * In the EMS the Exchange cmdlets are implicit-remoting proxy functions in a module, which see only the global
 * `$ErrorActionPreference` (PowerShell issue #4568): a script's own setting leaves their errors non-terminating, so
 * `catch` never runs. The finding carries the assignment's extent, for a rewrite that moves the setting to the calls.
 * @example lint("$ErrorActionPreference = 'Stop'\nGet-ExchangeCertificate")[0].rule // 'script-error-preference'
 */
export const scriptErrorPreference: LintRule = {
  name: 'script-error-preference',
  check(ctx) {
    const relying = ctx.invocations.filter(
      (inv) => findCmdlet(inv.cmdlet)?.kind === 'exchange' && inv.parameters.errorAction === undefined,
    );
    if (relying.length === 0) return [];
    const calls = relying.map((inv) => `${inv.cmdlet} (line ${inv.extent.startLine})`).join(', ');
    const out: Diagnostic[] = [];
    walkAst(ctx.ast, (node) => {
      if (node.type !== 'AssignmentStatementAst' || !isScopedPreference(node)) return;
      out.push({
        rule: 'script-error-preference',
        severity: 'warning',
        message:
          `${node.left.extent.text} set in a script does not reach the Exchange cmdlets (in the EMS they are module functions that ` +
          `see only the global preference): their errors stay non-terminating and catch does not run for ${calls}`,
        file: ctx.file,
        line: node.extent.startLine,
        column: node.extent.startColumn,
        suggestion: "add -ErrorAction Stop to those calls (or set $global:ErrorActionPreference = 'Stop')",
        extent: node.extent,
      });
    });
    return out;
  },
};
