// The statements beyond pipelines, if, foreach and try: switch, for, while, do, function definitions.
import type { StatementAst } from '../ast/ast.js';
import { defineFunction } from './functions.js';
import type { InterpreterCore } from './interpreter-core.js';
import { doStatement, forStatement, whileStatement } from './loops.js';
import { switchStatement } from './switch-statement.js';
import { UnsupportedConstructError } from './unsupported-construct.js';

/** Runs switch, loops and function definitions; anything else was refused by checkSubset before the run. */
export async function execLanguageStatement(core: InterpreterCore, st: StatementAst, out: unknown[]): Promise<void> {
  switch (st.type) {
    case 'SwitchStatementAst':
      return switchStatement(core, st, out);
    case 'ForStatementAst':
      return forStatement(core, st, out);
    case 'WhileStatementAst':
      return whileStatement(core, st, out);
    case 'DoWhileStatementAst':
    case 'DoUntilStatementAst':
      return doStatement(core, st, out);
    case 'FunctionDefinitionAst':
      defineFunction(core, st);
      return;
    default:
      throw new UnsupportedConstructError(`'${st.extent.text.split(/\s/)[0] ?? ''}'`, st.extent);
  }
}
