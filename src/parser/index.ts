// The PowerShell parser: parse any PowerShell script into the AST of ../ast/ast.ts.
export { parse } from './parser.js';
export type { ParseOptions } from './parser.js';
export type { ParseDialect } from './dialect-checks.js';
export { childNodes, walkAst } from './ast-walk.js';
export { getHelpContent } from './help-content.js';
export type { HelpContent } from './help-content.js';
export { ParseError } from './parse-error.js';
export type * from '../ast/ast.js';
