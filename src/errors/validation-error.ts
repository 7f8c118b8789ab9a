import { ExchcertError } from './exchcert-error.js';

/** Input rejected before anything runs: names the parameter, the value and what is allowed. */
export class ValidationError extends ExchcertError {
  readonly cmdlet: string | undefined;
  readonly parameter: string | undefined;
  /** The offending value, already redacted when it was a secret. */
  readonly value: string | undefined;
  readonly allowed: string | undefined;

  constructor(fields: {
    code: string;
    message: string;
    cmdlet?: string;
    parameter?: string;
    value?: string;
    allowed?: string;
  }) {
    super(fields.code, fields.message);
    this.cmdlet = fields.cmdlet;
    this.parameter = fields.parameter;
    this.value = fields.value;
    this.allowed = fields.allowed;
  }
}
