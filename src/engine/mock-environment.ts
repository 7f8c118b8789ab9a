// What every simulated cmdlet runs against: the state store, the servers' file system, the clock and a key source.
import { generateRsaKeyPair } from '../pki/index.js';
import type { RsaKeyPair, RsaKeySize } from '../pki/index.js';
import { ownKey } from './key-pool.js';
import type { KeyLease, StateKeyPool } from './key-pool.js';
import type { StateStore, StateTransaction, VirtualFs } from './org-state.js';

/** Makes RSA key pairs (tests inject a pool to stay fast). */
export type KeySource = (bits: RsaKeySize) => Promise<RsaKeyPair>;

/** The simulated organization's surroundings. */
export interface MockEnvironment {
  readonly store: StateStore;
  /** Paths as the Exchange servers see them (shared by all servers, like a UNC share everyone sees). */
  readonly fs: VirtualFs;
  /** The real clock; the organization's `clockOffsetMs` is added to it. */
  readonly clock: () => Date;
  readonly keys: KeySource;
  /** A key for one New-ExchangeCertificate call: pooled (claimed in the call's transaction) unless `fresh` or keys were injected. */
  leaseKey(bits: RsaKeySize, fresh?: boolean): Promise<KeyLease>;
  /** The state's key pool, when it has one (filled after the default organization is created). */
  readonly keyPool: StateKeyPool | undefined;
}

/** Options of {@link createMockExchange} and the admin functions. */
export interface MockEnvironmentOptions {
  readonly store: StateStore;
  readonly fs: VirtualFs;
  readonly clock?: () => Date;
  readonly keys?: KeySource;
  /** Where New-ExchangeCertificate takes keys from when no `keys` are injected. */
  readonly keyPool?: StateKeyPool;
}

/** Fills in the defaults: the system clock and fresh RSA keys (or the state's key pool). */
export function resolveEnvironment(options: MockEnvironmentOptions): MockEnvironment {
  const keys = options.keys ?? ((bits: RsaKeySize): Promise<RsaKeyPair> => generateRsaKeyPair(bits));
  const pool = options.keys ? undefined : options.keyPool;
  return Object.freeze({
    store: options.store,
    fs: options.fs,
    clock: options.clock ?? ((): Date => new Date()),
    keys,
    keyPool: pool,
    leaseKey: async (bits: RsaKeySize, fresh = false): Promise<KeyLease> =>
      pool && !fresh ? pool.lease(bits) : ownKey(await keys(bits)),
  });
}

/**
 * The organization's virtual time: the clock plus the stored offset, whole seconds (X.509 precision).
 * @example mockNow(env, tx).getUTCMilliseconds() // 0
 */
export function mockNow(clock: () => Date, tx: StateTransaction): Date {
  const ms = clock().getTime() + tx.getOrgConfig().clockOffsetMs;
  return new Date(Math.floor(ms / 1000) * 1000);
}
