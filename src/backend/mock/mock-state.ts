// A mock state folder opened for use: the store, the Windows file system, the organization and its vendor CA.
import { createVendorCa, loadVendorCa } from '../../pki/index.js';
import { CERTIFICATE_FACTS } from '../../pki/certificate-facts-json.js';
import type { VendorCa, VendorCaState } from '../../pki/index.js';
import { createMockExchange } from '../../engine/create-mock-exchange.js';
import { createStateKeyPool, DEFAULT_KEY_POOL_SIZE } from '../../engine/key-pool.js';
import type { StateKeyPool } from '../../engine/key-pool.js';
import type { MockExchange } from '../../engine/mock-exchange.js';
import { keyPoolRefillAfterUse } from './key-pool-refill.js';
import { trustVendorRoot } from '../../engine/org-admin.js';
import type { StateStore } from '../../engine/org-state.js';
import type { HostVirtualFs } from '../../engine/store/host-virtual-fs.js';
import { createHostVirtualFs } from '../../engine/store/host-virtual-fs.js';
import { openSqliteStateStore } from '../../engine/store/sqlite-state-store.js';

/** The default state folder, relative to the working directory. */
export const DEFAULT_STATE_DIR = '.exchcert';

const VENDOR_CA_KEY = 'vendorCa';

/** An open mock state. */
export interface MockState {
  readonly dir: string;
  readonly store: StateStore;
  readonly fs: HostVirtualFs;
  readonly exchange: MockExchange;
  /** RSA keys made ahead for New-ExchangeCertificate (refilled in the background after use). */
  readonly keyPool: StateKeyPool;
  /** Resolves when background work (key pool refills) has finished, so close() loses none of it. */
  settled(): Promise<void>;
  close(): void;
}

/** Options of openMockState. */
export interface OpenMockStateOptions {
  /** How many 2048-bit keys the state keeps ready (default 3; 0 turns the pool off). */
  readonly keyPoolSize?: number;
  /** Top the key pool up after a key is taken (default: keyPoolRefillAfterUse(), normally true). */
  readonly refillAfterUse?: boolean;
}

/**
 * Opens (creating if needed) the state folder: `<dir>/state.db` and `<dir>/fs/...`.
 * @example const state = openMockState('.exchcert'); await state.exchange.defaultServer(); state.close();
 */
export function openMockState(dir: string = DEFAULT_STATE_DIR, options: OpenMockStateOptions = {}): MockState {
  const store = openSqliteStateStore(dir, { certificateFacts: CERTIFICATE_FACTS });
  const fs = createHostVirtualFs(dir);
  const refillAfterUse = options.refillAfterUse ?? keyPoolRefillAfterUse();
  const keyPool = createStateKeyPool(store, options.keyPoolSize ?? DEFAULT_KEY_POOL_SIZE, { refillAfterUse });
  const engine = createMockExchange({ store, fs, keyPool });
  const exchange: MockExchange = {
    ...engine,
    async defaultServer(): Promise<string> {
      const created = store.read((tx) => tx.listServers().length === 0);
      const server = await engine.defaultServer();
      // The reference organization was just made: the pool (filling) and the vendor CA come with it.
      if (created) await prepareMockState({ store, keyPool });
      return server;
    },
  };
  return {
    dir,
    store,
    fs,
    exchange,
    keyPool,
    settled: () => keyPool.settled(),
    close: () => {
      keyPool.close();
      store.close();
    },
  };
}

/**
 * Makes ahead what later calls would otherwise wait for: fills the key pool and creates the vendor CA (its two keys are
 * made alongside the pool's). `mock add-server` and the reference organization call it when they create a state.
 * @example await prepareMockState(state); // New-ExchangeCertificate and `ca issue` then make no key
 */
export async function prepareMockState(state: Pick<MockState, 'store' | 'keyPool'>): Promise<void> {
  state.keyPool.refill();
  await Promise.all([vendorCa(state), state.keyPool.settled()]);
}

/**
 * The state's simulated vendor CA, created (root + intermediate) on first use; every mock server trusts its root.
 * @example const ca = await vendorCa(state); const issued = await ca.issue(requestText, { days: 365 });
 */
export async function vendorCa(
  state: Pick<MockState, 'store'>,
  options: { name?: string; now?: Date } = {},
): Promise<VendorCa> {
  const saved = state.store.read((tx) => tx.getValue(VENDOR_CA_KEY)) as VendorCaState | undefined;
  if (saved) return loadVendorCa(saved);
  const created = await createVendorCa({
    name: options.name ?? 'Exchcert Simulated Vendor',
    ...(options.now ? { now: options.now } : {}),
  });
  // Another process may have created one meanwhile: the first one written wins.
  const winner = state.store.write((tx) => {
    const existing = tx.getValue(VENDOR_CA_KEY) as VendorCaState | undefined;
    if (existing) return existing;
    tx.putValue(VENDOR_CA_KEY, created);
    return created;
  });
  trustVendorRoot(state.store, winner);
  return loadVendorCa(winner);
}
