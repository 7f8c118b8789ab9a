// Refuses, before anything runs, syntax outside the interpreter's PowerShell subset (named with line:column).
import type { Ast, ScriptBlockAst } from '../ast/ast.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
import { EXPRESSION_CHECKS } from './expression-checks.js';
import { STATEMENT_CHECKS, STATEMENT_NAMES } from './statement-checks.js';
import type { NodeCheck, SubsetWalk } from './subset-walk.js';
import { UnsupportedConstructError } from './unsupported-construct.js';

/** Every node kind's check (the tables are keyed by node type, so each check fits the node it is looked up for). */
const CHECKS = { ...EXPRESSION_CHECKS, ...STATEMENT_CHECKS } as Readonly<Record<string, NodeCheck<Ast> | undefined>>;

/** Walks the whole script; throws UnsupportedConstructError at the first construct the interpreter cannot run. */
export function checkSubset(root: ScriptBlockAst, dialect: InterpreterDialect): void {
  const walk: SubsetWalk = {
    dialect,
    visit: (node) => {
      const check = CHECKS[node.type];
      if (check) return check(node, walk);
      const name = STATEMENT_NAMES[node.type];
      if (name !== undefined) throw new UnsupportedConstructError(name, node.extent);
      throw new UnsupportedConstructError(`'${node.extent.text}'`, node.extent);
    },
  };
  const named = [root.beginBlock, root.processBlock].find((b) => b !== undefined);
  if (named) throw new UnsupportedConstructError(`a script's named blocks ('${named.blockKind}')`, named.extent);
  walk.visit(root);
}
