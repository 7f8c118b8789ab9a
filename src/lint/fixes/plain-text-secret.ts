// Rewrite: `ConvertTo-SecureString '<literal>' -AsPlainText [-Force]` -> a prompt (`Read-Host -AsSecureString`) or a
// variable filled at run time, rendered as the builders render a secret in prompt / variable mode.
import type { Ast } from '../../ast/ast.js';
import { plainTextOf } from '../../idiom/secure-string-from-text.js';
import { Secret, secret } from '../../node/secret.js';
import { soleCommand } from '../../idiom/unwrap-expression.js';
import type { CommandAst } from '../../ast/ast.js';
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
    // A conversion written as a parameter's argument is bound into that parameter (a Secret), not as a command.
    for (const site of ctx.sites) {
      for (const w of site.written) {
        const value = site.invocation.parameters[w.option];
        const inner = w.argument ? soleCommand(w.argument) : null;
        if (!(value instanceof Secret) || !inner || !/^convertto-securestring$/i.test(commandName(inner))) continue;
        const text = value.reveal();
        if (text === '') continue;
        const rendered = ctx.compiler.value(undefined, secret(text), true).text;
        groups.push([
          { start: w.argument!.extent.startOffset, end: w.argument!.extent.endOffset, newText: rendered, rule: RULE },
        ]);
      }
    }
    return groups;
  },
};

/** The command name as written (`ConvertTo-SecureString`), or '' when it is not a plain word. */
function commandName(command: CommandAst): string {
  const first = command.commandElements[0];
  return first?.type === 'StringConstantExpressionAst' ? first.value : '';
}
