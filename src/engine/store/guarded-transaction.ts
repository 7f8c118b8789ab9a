// Runs a transaction body against a guard that refuses writes in read transactions and any use after the end.
import type { StateTransaction } from '../org-state.js';
import { StoreError } from './store-error.js';

const READ_METHODS = [
  'listServers',
  'getServer',
  'listCertificates',
  'getCertificate',
  'listRequests',
  'getRequest',
  'getServerConfig',
  'getOrgConfig',
  'getValue',
  'loadCertificateFacts',
] as const satisfies readonly (keyof StateTransaction)[];

const WRITE_METHODS = [
  'putServer',
  'putCertificate',
  'deleteCertificate',
  'putRequest',
  'deleteRequest',
  'putServerConfig',
  'putOrgConfig',
  'putValue',
  'putCertificateFacts',
] as const satisfies readonly (keyof StateTransaction)[];

// Fails to compile when StateTransaction gains a method not listed above.
type Unlisted = Exclude<keyof StateTransaction, (typeof READ_METHODS)[number] | (typeof WRITE_METHODS)[number]>;
const allListed: [Unlisted] extends [never] ? true : false = true;
void allListed;

/**
 * Calls `fn` with a guarded view of `inner`; throws StoreError for writes when not `writable`,
 * for calls after `fn` returned, and when `fn` returns a promise (transactions are synchronous).
 * @example runGuarded(inner, false, (tx) => tx.listServers())
 */
export function runGuarded<T>(inner: StateTransaction, writable: boolean, fn: (tx: StateTransaction) => T): T {
  let open = true;
  const guarded: Record<string, unknown> = {};
  for (const method of READ_METHODS) {
    guarded[method] = (...args: unknown[]) => {
      if (!open) throw closedError(method);
      return (inner[method] as (...a: unknown[]) => unknown)(...args);
    };
  }
  for (const method of WRITE_METHODS) {
    guarded[method] = (...args: unknown[]) => {
      if (!open) throw closedError(method);
      if (!writable)
        throw new StoreError('READ_ONLY_TRANSACTION', `${method} is not allowed in a read transaction; use write().`);
      return (inner[method] as (...a: unknown[]) => unknown)(...args);
    };
  }
  try {
    const result = fn(Object.freeze(guarded) as unknown as StateTransaction);
    if (isThenable(result)) {
      result.then(undefined, () => undefined);
      throw new StoreError(
        'TRANSACTION_ASYNC',
        'A transaction function must be synchronous; it returned a promise and was rolled back.',
      );
    }
    return result;
  } finally {
    open = false;
  }
}

function closedError(method: string): StoreError {
  return new StoreError('TRANSACTION_CLOSED', `${method} was called after its transaction ended.`);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
