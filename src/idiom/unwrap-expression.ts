// Sees through the parentheses and subexpressions an idiom may be written in: `(x)`, `$(x)`, `(($(x)))`.
import type { CommandAst, ExpressionAst, PipelineAst, StatementAst } from '../ast/ast.js';

/** The single expression a `(...)`/`$(...)` holds, when it holds exactly one (else the expression itself). */
export function unwrapExpression(e: ExpressionAst): ExpressionAst {
  let cur = e;
  for (;;) {
    if (cur.type === 'ParenExpressionAst' && cur.pipeline.type === 'PipelineAst') {
      const only = soleExpression(cur.pipeline);
      if (!only) return cur;
      cur = only;
    } else if (cur.type === 'SubExpressionAst' && cur.subExpression.statements.length === 1) {
      const st = cur.subExpression.statements[0]!;
      const only = st.type === 'PipelineAst' ? soleExpression(st) : null;
      if (!only) return cur;
      cur = only;
    } else return cur;
  }
}

/** The expression of a one-element pipeline that is an expression, else null. */
export function soleExpression(p: PipelineAst): ExpressionAst | null {
  const el = p.pipelineElements;
  return el.length === 1 && el[0]!.type === 'CommandExpressionAst' ? el[0].expression : null;
}

/** The single command a `(...)`/`$(...)` holds, when it holds exactly one one-command pipeline. */
export function soleCommand(e: ExpressionAst): CommandAst | null {
  let statements: readonly StatementAst[] | null = null;
  if (e.type === 'ParenExpressionAst') statements = [e.pipeline];
  else if (e.type === 'SubExpressionAst') statements = e.subExpression.statements;
  if (!statements || statements.length !== 1) return null;
  const st = statements[0]!;
  if (st.type !== 'PipelineAst' || st.pipelineElements.length !== 1) return null;
  const el = st.pipelineElements[0]!;
  return el.type === 'CommandAst' ? el : null;
}
