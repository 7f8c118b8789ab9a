// Rewrite: `ConvertTo-SecureString '<literal>' -AsPlainText [-Force]` -> a prompt (`Read-Host -AsSecureString`) or a
// variable filled at run time, rendered as the builders render a secret in prompt / variable mode.
import type { Ast } from '../../ast/ast.js';
import { plainTextOf } from '../../idiom/secure-string-from-text.js';
import { secret } from '../../node/secret.js';
import type { FixContext, LintFix } from '../fix-context.js';
import { standingStatement } from '../fix-render.js';
import type { TextEdit } from '../text-edit.js';

const RULE = 'plaintext-password';

/** The outermost `(...)`/`$(...)` that holds only this node, else the node itself. */
function outermostWrapper(ctx: FixContext, node: Ast): Ast {
  let cur = node;
  for (;;) {
    const pipeline = ctx.parents.get(cur);
    if (pipeline?.type !== 'PipelineAst' || pipeline.pipelineElements.length !== 1) return cur;
    const wrapper = ctx.parents.get(pipeline);
    if (wrapper?.type === 'ParenExpressionAst') cur = wrapper;
    else if (wrapper?.type === 'StatementBlockAst' && wrapper.statements.length === 1) {
      const sub = ctx.parents.get(wrapper);
      if (sub?.type !== 'SubExpressionAst') return cur;
      cur = sub;
    } else return cur;
  }
}

/** The plain-text conversion replaced by the secret as the chosen secrets mode renders it. */
export const plainTextSecret: LintFix = {
  rule: RULE,
  fix(ctx) {
    const groups: TextEdit[][] = [];
    for (const site of ctx.sites) {
      const text = plainTextOf(site.invocation);
      if (text === null || text === '') continue;
      const standing = standingStatement(ctx, site.command);
      const name = ctx.secrets === 'prompt' ? (standing?.assignedTo ?? undefined) : undefined;
      const rendered = ctx.compiler.value(undefined, secret(text, name ? { name } : {}), true).text;
      const target = outermostWrapper(ctx, site.command);
      // In a command's own place the prompt needs no parentheses of its own.
      const bare = target === site.command && /^\(.*\)$/s.test(rendered) ? rendered.slice(1, -1) : rendered;
      groups.push([{ start: target.extent.startOffset, end: target.extent.endOffset, newText: bare, rule: RULE }]);
    }
    return groups;
  },
};
