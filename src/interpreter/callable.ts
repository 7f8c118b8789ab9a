// A function or script block as something a command can call.
import type { ParameterAst, ScriptBlockAst } from '../ast/ast.js';

/** What to run: a function's or script block's body, its inline parameters, and the name its errors carry. */
export interface Callable {
  readonly name: string;
  readonly body: ScriptBlockAst;
  readonly inline: readonly ParameterAst[] | null;
  /** `filter f { }`: the body is a process block. */
  readonly isFilter: boolean;
}
