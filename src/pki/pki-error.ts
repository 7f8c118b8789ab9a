import { ExchcertError } from '../errors/exchcert-error.js';

/** Machine-readable reasons a PKI operation failed. */
export type PkiErrorCode =
  | 'INVALID_X500_NAME'
  | 'INVALID_DNS_NAME'
  | 'INVALID_KEY'
  | 'INVALID_KEY_SIZE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_REQUEST'
  | 'INVALID_CERTIFICATE'
  | 'WRONG_PASSWORD'
  | 'UNREADABLE_DATA';

/** Exchange's text for a PFX/certificate that cannot be loaded, used for both a wrong password and garbage data (SEMANTICS rule 64). */
export const SOURCE_DATA_CANNOT_BE_IMPORTED = 'The source data cannot be imported or the wrong password was specified.';

/**
 * Bad input to the PKI layer: an unparsable name, request, certificate or PFX, or a wrong password.
 * @example
 * try { readPfx(bytes, 'wrong') } catch (e) { if (e instanceof PkiError && e.code === 'WRONG_PASSWORD') console.error(e.message) }
 */
export class PkiError extends ExchcertError {
  declare readonly code: PkiErrorCode;

  constructor(code: PkiErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
