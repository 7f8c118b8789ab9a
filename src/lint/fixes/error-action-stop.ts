// Rewrite: a script-level `$ErrorActionPreference = 'Stop'` relied on by Exchange cmdlets -> `-ErrorAction Stop` on
// each of those calls (the assignment stays for every other command).
import { walkAst } from '../../parser/ast-walk.js';
import { findCmdlet } from '../../spec/registry.js';
import type { LintFix } from '../fix-context.js';
import { commandEnd, renderParameters } from '../fix-render.js';
import { isScopedPreference } from '../rules/script-error-preference.js';
import type { TextEdit } from '../text-edit.js';

const RULE = 'script-error-preference';

/** The one literal value every scoped `$ErrorActionPreference = '...'` of the script sets, else null. */
function preferenceValue(ctx: Parameters<LintFix['fix']>[0]): string | null {
  const values = new Set<string | null>();
  walkAst(ctx.ast, (node) => {
    if (node.type !== 'AssignmentStatementAst' || !isScopedPreference(node)) return;
    const right = node.right;
    const el = right.type === 'PipelineAst' && right.pipelineElements.length === 1 ? right.pipelineElements[0] : null;
    const value =
      el?.type === 'CommandExpressionAst' && el.expression.type === 'StringConstantExpressionAst'
        ? el.expression.value
        : null;
    values.add(node.operator === '=' ? value : null);
  });
  return values.size === 1 ? [...values][0]! : null;
}

/** `-ErrorAction <value>` on every Exchange call that gives none. */
export const errorActionStop: LintFix = {
  rule: RULE,
  fix(ctx) {
    const value = preferenceValue(ctx);
    if (value === null) return [];
    const groups: TextEdit[][] = [];
    for (const site of ctx.sites) {
      const inv = site.invocation;
      if (findCmdlet(inv.cmdlet)?.kind !== 'exchange' || inv.parameters.errorAction !== undefined) continue;
      let text: string;
      try {
        text = renderParameters(ctx, inv.cmdlet, inv.parameterSet, { errorAction: value });
      } catch {
        return [];
      }
      const at = commandEnd(site.command);
      groups.push([{ start: at, end: at, newText: text, rule: RULE }]);
    }
    return groups;
  },
};
