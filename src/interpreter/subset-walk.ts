// The shape of the subset check's per-node-kind table: one check per AST node type, given the walk to recurse.
import type { Ast } from '../ast/ast.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';

/** What a node's check can use: the dialect and the walk over child nodes. */
export interface SubsetWalk {
  readonly dialect: InterpreterDialect;
  visit(node: Ast): void;
}

/** The check of one node kind: throws UnsupportedConstructError, or visits the children. */
export type NodeCheck<T extends Ast> = (node: T, walk: SubsetWalk) => void;

/** Checks keyed by node type, each typed for its own node. */
export type NodeChecks<U extends Ast> = { readonly [K in U['type']]?: NodeCheck<Extract<U, { type: K }>> };
