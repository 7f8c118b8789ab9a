// The interpreter's refusal of anything outside its PowerShell subset.
import type { Extent } from '../ast/ast.js';

/** A construct the runbook interpreter does not implement: stops the whole run, never caught by the runbook's try/catch. */
export class UnsupportedConstructError extends Error {
  readonly line: number;
  readonly column: number;

  /** `what` completes "The runbook interpreter does not support ...", e.g. `'while' loops`. */
  constructor(what: string, where: Pick<Extent, 'startLine' | 'startColumn'>) {
    super(`The runbook interpreter does not support ${what} (line ${where.startLine}:${where.startColumn})`);
    this.name = 'UnsupportedConstructError';
    this.line = where.startLine;
    this.column = where.startColumn;
  }
}
