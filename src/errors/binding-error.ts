import { ExchcertError } from './exchcert-error.js';

/** PowerShell's binder error ids that exchcert reproduces. */
export type BindingErrorId =
  | 'NamedParameterNotFound'
  | 'AmbiguousParameter'
  | 'AmbiguousParameterSet'
  | 'MissingMandatoryParameter'
  | 'ParameterAlreadyBound'
  | 'PositionalParameterNotFound'
  | 'MissingArgument'
  | 'ParameterArgumentTransformationError'
  | 'ParameterArgumentValidationError'
  | 'ParameterNotAvailable';

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

  constructor(fields: { errorId: BindingErrorId; cmdlet: string; parameter?: string; powershellMessage: string; detail?: string }) {
    super(`BINDING_${fields.errorId}`, `${fields.cmdlet}: ${fields.powershellMessage}${fields.detail ? ` ${fields.detail}` : ''}`);
    this.errorId = fields.errorId;
    this.cmdlet = fields.cmdlet;
    this.parameter = fields.parameter;
    this.powershellMessage = fields.powershellMessage;
    this.detail = fields.detail;
  }

  /** `NamedParameterNotFound,New-ExchangeCertificate` as PowerShell's FullyQualifiedErrorId reads. */
  get fullyQualifiedErrorId(): string {
    return `${this.errorId},${this.cmdlet}`;
  }
}
