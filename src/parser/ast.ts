// Transitional re-export for branches that still import the AST types from the parser; the types live in ../ast/ast.ts.
export type * from '../ast/ast.js';
