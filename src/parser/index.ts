// The runbook parser: parse PowerShell runbook text into the AST of ./ast.ts.
export { parse } from './parser.js';
export type { ParseOptions } from './parser.js';
export { ParseError } from './parse-error.js';
export type * from './ast.js';
