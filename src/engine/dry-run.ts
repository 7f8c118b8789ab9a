// Runs a write transaction only to see what it would do, then rolls it back.
import type { StateStore, StateTransaction } from './org-state.js';

class Rollback<T> {
  constructor(readonly value: T) {}
}

/** fn's result as if it had run; the store is left exactly as it was. */
export function dryRun<T>(store: StateStore, fn: (tx: StateTransaction) => T): T {
  try {
    store.write((tx) => {
      throw new Rollback(fn(tx));
    });
  } catch (e) {
    if (e instanceof Rollback) return e.value as T;
    throw e;
  }
  throw new Error('dryRun: the transaction was not rolled back');
}
