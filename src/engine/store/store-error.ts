// Errors the state stores raise: misuse of transactions and unusable state folders.
import { ExchcertError } from '../../errors/exchcert-error.js';

/** Machine-readable reasons a state store refused an operation. */
export type StoreErrorCode =
  | 'STORE_CLOSED'
  | 'STORE_READ_ONLY'
  | 'TRANSACTION_NESTED'
  | 'TRANSACTION_CLOSED'
  | 'TRANSACTION_ASYNC'
  | 'READ_ONLY_TRANSACTION'
  | 'STATE_NOT_FOUND'
  | 'STATE_TOO_NEW'
  | 'STATE_UNREADABLE'
  | 'STATE_FOREIGN'
  | 'INVALID_RECORD';

/**
 * A state store refused an operation (closed store, write in a read transaction, a state from a newer exchcert).
 * @example
 * try { store.read((tx) => tx.putValue('k', 1)) } catch (e) { if (e instanceof StoreError) console.error(e.code) }
 */
export class StoreError extends ExchcertError {
  declare readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
