import { ExchcertError } from './exchcert-error.js';

/** PowerShell's binder error ids that exchcert reproduces. */
/** PowerShell's binder error ids that exchcert reproduces (FullyQualifiedErrorId `<id>,<Cmdlet>`). */
export const BINDING_ERROR_IDS = [
  'NamedParameterNotFound',
  'AmbiguousParameter',
  'AmbiguousParameterSet',
  'MissingMandatoryParameter',
  'ParameterAlreadyBound',
  'PositionalParameterNotFound',
  'MissingArgument',
  'ParameterArgumentTransformationError',
  'ParameterArgumentValidationError',
  'ParameterArgumentValidationErrorNullNotAllowed',
  'ParameterArgumentValidationErrorEmptyStringNotAllowed',
  'ParameterArgumentValidationErrorEmptyArrayNotAllowed',
  // A compiled cmdlet's parameter (common parameters, -WhatIf/-Confirm, helper cmdlets) refused a value.
  'CannotConvertArgumentNoMessage',
  'CannotConvertArgument',
  // The value converted but the parameter's setter refused it (e.g. -ErrorAction Suspend).
  'ParameterBindingFailed',
  'ParameterNotAvailable',
] as const;
export type BindingErrorId = (typeof BINDING_ERROR_IDS)[number];

/**
 * A command line PowerShell's parameter binder would refuse, with PowerShell's own wording and error id.
 * `detail` adds what exchcert knows (the clashing parameters and their sets, what to use instead).
 */
export class BindingError extends ExchcertError {
  readonly errorId: BindingErrorId;
  readonly cmdlet: string;
  readonly parameter: string | undefined;
  /** PowerShell's message alone. */
  readonly powershellMessage: string;
  readonly detail: string | undefined;
  /** Where the command stands in the script (1-based), when it came from parsed text. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(fields: {
    errorId: BindingErrorId;
    cmdlet: string;
    parameter?: string;
    powershellMessage: string;
    detail?: string;
    line?: number;
    column?: number;
  }) {
    const where = fields.line !== undefined ? `line ${fields.line}:${fields.column ?? 1}: ` : '';
    // A verdict on the user's command line, reported by its message (never a stack trace): lint collects thousands,
    // and capturing a stack for each cost more than binding the command.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(
        `BINDING_${fields.errorId}`,
        `${where}${fields.cmdlet}: ${fields.powershellMessage}${fields.detail ? ` ${fields.detail}` : ''}`,
      );
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.line = fields.line;
    this.column = fields.column;
    this.errorId = fields.errorId;
    this.cmdlet = fields.cmdlet;
    this.parameter = fields.parameter;
    this.powershellMessage = fields.powershellMessage;
    this.detail = fields.detail;
  }

  /** Locates the error at a line and column (once; later calls keep the first place). */
  at(line: number, column: number): BindingError {
    if (this.line !== undefined) return this;
    Object.defineProperty(this, 'line', { value: line });
    Object.defineProperty(this, 'column', { value: column });
    this.message = `line ${line}:${column}: ${this.message}`;
    return this;
  }

  /** `NamedParameterNotFound,New-ExchangeCertificate` as PowerShell's FullyQualifiedErrorId reads. */
  get fullyQualifiedErrorId(): string {
    return `${this.errorId},${this.cmdlet}`;
  }
}
