import type { ExpressionAst, ScriptBlockAst } from '../../ast/ast.js';
import { dotnetFileCall } from '../../idiom/file-bytes.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-context.js';

const ABSOLUTE = /^(?:[A-Za-z]:[\\/]|\\\\|\/)/;

/** `[System.IO.File]::ReadAllBytes('x.pfx')`: .NET resolves relative paths against the process folder, not $PWD. */
export const relativeDotnetPath: LintRule = {
  name: 'relative-dotnet-path',
  check(ctx) {
    const out: Diagnostic[] = [];
    // Only scripts that call [System.IO.File] need the walk.
    if (!/::\s*(?:ReadAllBytes|WriteAllBytes|ReadAllText|WriteAllText)/i.test(ctx.ast.extent.text)) return out;
    visit(ctx.ast, (e) => {
      const first = dotnetFileCall(e)?.arguments[0];
      if (first && first.type === 'StringConstantExpressionAst' && !ABSOLUTE.test(first.value)) {
        out.push({
          rule: this.name,
          severity: 'warning',
          file: ctx.file,
          line: first.extent.startLine,
          column: first.extent.startColumn,
          message: `'${first.value}' is relative: [System.IO.File] resolves it against the process folder, not the current PowerShell location`,
          suggestion: 'use an absolute or UNC path',
        });
      }
    });
    return out;
  },
};

/** Calls fn on every expression node of the script. */
function visit(root: ScriptBlockAst, fn: (e: ExpressionAst) => void): void {
  const seen = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(seen);
      return;
    }
    const n = node as { type?: string; extent?: unknown };
    if (
      typeof n.type === 'string' &&
      n.type.endsWith('Ast') &&
      n.type !== 'ScriptBlockAst' &&
      n.type !== 'StatementBlockAst'
    )
      fn(node as ExpressionAst);
    for (const [k, v] of Object.entries(node)) if (k !== 'extent' && typeof v === 'object') seen(v);
  };
  seen(root.statements);
}
