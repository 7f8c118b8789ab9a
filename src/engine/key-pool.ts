// RSA keys generated ahead in the background (libuv threadpool) and kept in the state, so any process can take one; refilled after use.
import { randomUUID } from 'node:crypto';
import { exportPrivateKeyPkcs8, generateRsaKeyPair, importPrivateKeyPkcs8 } from '../pki/index.js';
import type { RsaKeyPair, RsaKeySize } from '../pki/index.js';
import type { StateStore, StateTransaction } from './org-state.js';

/** The state value holding the pooled keys (unencrypted PKCS#8, like the private keys of the certificates). */
const POOL_VALUE = 'exchange.keyPool';
/** Only the default key size is pooled; others are generated when asked for. */
const POOLED_BITS: RsaKeySize = 2048;
/** Keys kept ready by default. */
export const DEFAULT_KEY_POOL_SIZE = 3;

interface PooledKey {
  readonly id: string;
  readonly pkcs8: Uint8Array;
}

/** Thrown inside a write transaction when another process took the pooled key first; the transaction rolls back. */
export class PooledKeyTaken extends Error {}

/** A key handed to one cmdlet call; `claim` removes it from the pool inside the call's own write transaction. */
export interface KeyLease {
  readonly pair: RsaKeyPair;
  /** Throws PooledKeyTaken when the key is gone from the pool; a no-op for keys made for this call. */
  claim(tx: StateTransaction): void;
  /** The call's transaction committed: the pool tops itself up in the background (a failed call changes nothing). */
  committed(): void;
}

/** Options of createStateKeyPool. */
export interface StateKeyPoolOptions {
  /**
   * Top the pool up in the background after a key is taken (default true: a shell or an engine that keeps running).
   * False for a process that exits after its call: only refill() fills the pool, so no exit waits for a key.
   */
  readonly refillAfterUse?: boolean;
}

/** The pool of one open state. */
export interface StateKeyPool {
  /** A pooled key when there is one, else the next key the background generation makes. */
  lease(bits: RsaKeySize): Promise<KeyLease>;
  /** Starts generating (one key at a time) until the pool holds its size again. */
  refill(): void;
  /** Resolves when the background generation has stopped. */
  settled(): Promise<void>;
  /** Stops storing generated keys (the state is closing). */
  close(): void;
}

/** A lease of a key made for the call alone. */
export const ownKey = (pair: RsaKeyPair, committed: () => void = () => undefined): KeyLease => ({
  pair,
  claim: () => undefined,
  committed,
});

const storedKeys = (tx: StateTransaction): readonly PooledKey[] =>
  (tx.getValue(POOL_VALUE) as PooledKey[] | undefined) ?? [];

/** Forgets every pooled key (benchmarks measure the cold path with it). */
export function emptyKeyPool(store: StateStore): void {
  store.write((tx) => tx.putValue(POOL_VALUE, undefined));
}

/**
 * The key pool of `store`, `size` keys of 2048 bits.
 * @example const pool = createStateKeyPool(store); const lease = await pool.lease(2048); store.write((tx) => { lease.claim(tx); ... });
 */
export function createStateKeyPool(
  store: StateStore,
  size = DEFAULT_KEY_POOL_SIZE,
  options: StateKeyPoolOptions = {},
): StateKeyPool {
  const refillAfterUse = options.refillAfterUse ?? true;
  let closed = false;
  let running: Promise<void> | undefined;
  let scheduled = false;
  const waiting: { resolve: (pair: RsaKeyPair) => void; reject: (error: unknown) => void }[] = [];

  const poolShort = (): boolean => {
    try {
      return store.read((tx) => storedKeys(tx).length) < size;
    } catch {
      return false; // closed or unreadable: nothing to top up
    }
  };
  const keep = (pair: RsaKeyPair): boolean => {
    try {
      store.write((tx) =>
        tx.putValue(
          POOL_VALUE,
          [...storedKeys(tx), { id: randomUUID(), pkcs8: exportPrivateKeyPkcs8(pair) }].slice(-size),
        ),
      );
      return true;
    } catch {
      return false;
    }
  };

  async function generate(): Promise<void> {
    while (waiting.length > 0 || (!closed && poolShort())) {
      let pair: RsaKeyPair;
      try {
        pair = await generateRsaKeyPair(POOLED_BITS);
      } catch (error) {
        for (const w of waiting.splice(0)) w.reject(error);
        return;
      }
      const waiter = waiting.shift();
      if (waiter) waiter.resolve(pair);
      else if (closed || !keep(pair)) return;
    }
  }

  function refill(): void {
    if (running || (closed && waiting.length === 0)) return;
    running = generate().finally(() => {
      running = undefined;
      if (waiting.length > 0) refill(); // a lease that arrived while the loop was ending
    });
  }

  const claimer =
    (id: string) =>
    (tx: StateTransaction): void => {
      const keys = storedKeys(tx);
      if (!keys.some((k) => k.id === id))
        throw new PooledKeyTaken(`The pooled key ${id} was taken by another process.`);
      tx.putValue(
        POOL_VALUE,
        keys.filter((k) => k.id !== id),
      );
    };
  const refillSoon = (): void => {
    if (scheduled || !refillAfterUse) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      refill();
    });
  };

  return {
    async lease(bits: RsaKeySize): Promise<KeyLease> {
      if (bits !== POOLED_BITS || closed || size <= 0) return ownKey(await generateRsaKeyPair(bits));
      const keys = store.read(storedKeys);
      if (keys.length > 0) {
        // A random one, so that processes leasing at the same moment rarely pick the same key.
        const key = keys[Math.floor(Math.random() * keys.length)]!;
        return { pair: importPrivateKeyPkcs8(key.pkcs8), claim: claimer(key.id), committed: refillSoon };
      }
      // Empty: the key the running refill makes next, else one made now (the pool fills once the call succeeded).
      const next = running
        ? new Promise<RsaKeyPair>((resolve, reject) => waiting.push({ resolve, reject }))
        : generateRsaKeyPair(bits);
      return ownKey(await next, refillSoon);
    },
    refill,
    async settled(): Promise<void> {
      while (running || scheduled) await (running ?? new Promise((resolve) => setImmediate(resolve)));
    },
    close(): void {
      closed = true;
    },
  };
}
