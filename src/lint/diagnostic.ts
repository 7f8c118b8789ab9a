import type { Extent } from '../ast/ast.js';

/** One lint finding, PSScriptAnalyzer-style: rule, severity, place, message and an optional fix. */
export interface Diagnostic {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly file: string | undefined;
  readonly line: number;
  readonly column: number;
  readonly suggestion?: string;
  /** The whole statement the finding is about, for rules whose fix rewrites it. */
  readonly extent?: Extent;
}

/** `file:line:col: severity rule: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file ?? '<stdin>'}:${d.line}:${d.column}: ${d.severity} ${d.rule}: ${d.message}${d.suggestion ? ` (${d.suggestion})` : ''}`;
}
