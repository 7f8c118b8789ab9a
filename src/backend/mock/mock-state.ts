// A mock state folder opened for use: the store, the Windows file system, the organization and its vendor CA.
import { createVendorCa, loadVendorCa } from '../../pki/index.js';
import type { VendorCa, VendorCaState } from '../../pki/index.js';
import { createMockExchange } from './exchange/create-mock-exchange.js';
import { createStateKeyPool, DEFAULT_KEY_POOL_SIZE } from './exchange/key-pool.js';
import type { StateKeyPool } from './exchange/key-pool.js';
import type { MockExchange } from './exchange/mock-exchange.js';
import { trustVendorRoot } from './exchange/org-admin.js';
import type { StateStore } from './exchange/org-state.js';
import type { HostVirtualFs } from './store/host-virtual-fs.js';
import { createHostVirtualFs } from './store/host-virtual-fs.js';
import { openSqliteStateStore } from './store/sqlite-state-store.js';

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
}

/**
 * Opens (creating if needed) the state folder: `<dir>/state.db` and `<dir>/fs/...`.
 * @example const state = openMockState('.exchcert'); await state.exchange.defaultServer(); state.close();
 */
export function openMockState(dir: string = DEFAULT_STATE_DIR, options: OpenMockStateOptions = {}): MockState {
  const store = openSqliteStateStore(dir);
  const fs = createHostVirtualFs(dir);
  const keyPool = createStateKeyPool(store, options.keyPoolSize ?? DEFAULT_KEY_POOL_SIZE);
  const exchange = createMockExchange({ store, fs, keyPool });
  return {
    dir, store, fs, exchange, keyPool,
    settled: () => keyPool.settled(),
    close: () => {
      keyPool.close();
      store.close();
    },
  };
}

/**
 * The state's simulated vendor CA, created (root + intermediate) on first use; every mock server trusts its root.
 * @example const ca = await vendorCa(state); const issued = await ca.issue(requestText, { days: 365 });
 */
export async function vendorCa(state: Pick<MockState, 'store'>, options: { name?: string; now?: Date } = {}): Promise<VendorCa> {
  const saved = state.store.read((tx) => tx.getValue(VENDOR_CA_KEY)) as VendorCaState | undefined;
  if (saved) return loadVendorCa(saved);
  const created = await createVendorCa({ name: options.name ?? 'Exchcert Simulated Vendor', ...(options.now ? { now: options.now } : {}) });
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
