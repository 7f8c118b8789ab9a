// A script block as a value (`{ $_.Thumbprint -eq $t }`): its AST, run in the caller's scope.
import type { ScriptBlockAst } from '../ast/ast.js';

/** `{ ... }` as a value; `Where-Object`/`ForEach-Object` run it with `$_` set. */
export class ScriptBlockValue {
  readonly ast: ScriptBlockAst;

  constructor(ast: ScriptBlockAst) {
    this.ast = ast;
  }

  /** The text between the braces, as `"$sb"` shows it. */
  toString(): string {
    const t = this.ast.extent.text;
    return t.startsWith('{') && t.endsWith('}') ? t.slice(1, -1) : t;
  }
}
