import type { Expression } from './expression.js';
import type { Invocation, ParameterValue } from './invocation.js';

/** `a | b | c`, optionally assigned: `$x = a | b`. */
export interface PipelineStatement {
  readonly kind: 'pipeline';
  readonly elements: readonly Invocation[];
  readonly assignTo: string | null;
}

/** `$x = <value>` for a computed value such as fileBytes(...). */
export interface AssignValueStatement {
  readonly kind: 'assignValue';
  readonly variable: string;
  readonly value: ParameterValue;
}

/** Writes text or bytes to a file on the machine running the script. */
export interface WriteFileStatement {
  readonly kind: 'writeFile';
  readonly path: string;
  readonly value: Expression | string;
  /** `text` for request text, `bytes` for FileData. */
  readonly content: 'text' | 'bytes';
}

/** Exports a certificate to a PFX file: `-FileName` where the target has it, else FileData written by the client. */
export interface ExportToFileStatement {
  readonly kind: 'exportToFile';
  readonly export: Invocation;
  readonly path: string;
  /** Variable that holds the export result when the client writes the file. */
  readonly variable: string;
}

export type Statement = PipelineStatement | AssignValueStatement | WriteFileStatement | ExportToFileStatement;
