// A new state comes ready: its key pool full and its vendor CA made, so later calls wait for no key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { addServer } from '../../../src/engine/add-server.js';
import { keyPoolRefillAfterUse, setKeyPoolRefillAfterUse } from '../../../src/backend/mock/key-pool-refill.js';
import { openMockState, prepareMockState } from '../../../src/backend/mock/mock-state.js';
import { pooledKeys } from '../../engine/support/key-pool.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'exchcert-state-'));
  dirs.push(dir);
  return dir;
};
const pooled = (state: ReturnType<typeof openMockState>): number =>
  ((state.store.read((tx) => tx.getValue('exchange.keyPool')) ?? []) as unknown[]).length;
const vendor = (state: ReturnType<typeof openMockState>): unknown => state.store.read((tx) => tx.getValue('vendorCa'));

describe('prepareMockState', () => {
  it('fills the key pool and makes the vendor CA (trusted by the organization) once', async () => {
    const state = openMockState(fresh(), { keyPoolSize: 2 });
    await addServer(state.store, { name: 'EX1', exchange: '2019-CU14' }, new Date(), pooledKeys);
    expect([pooled(state), vendor(state)]).toEqual([0, undefined]);
    await prepareMockState(state);
    expect(pooled(state)).toBe(2);
    const ca = vendor(state) as { root: { certificatePem: string } };
    expect(ca.root.certificatePem).toContain('BEGIN CERTIFICATE');
    expect(state.store.read((tx) => tx.getOrgConfig().trustedVendorRoots)).toHaveLength(1);
    await prepareMockState(state);
    expect(vendor(state)).toEqual(ca);
    state.close();
  }, 60_000);

  it('the reference organization made on first use comes with the pool and the CA', async () => {
    const state = openMockState(fresh(), { keyPoolSize: 1, refillAfterUse: false });
    await state.exchange.defaultServer();
    await state.settled();
    expect(pooled(state)).toBe(1);
    expect(vendor(state)).toBeDefined();
    state.close();
  }, 120_000);
});

describe('setKeyPoolRefillAfterUse', () => {
  it('sets the default of states opened afterwards', () => {
    expect(keyPoolRefillAfterUse()).toBe(true);
    setKeyPoolRefillAfterUse(false);
    try {
      expect(keyPoolRefillAfterUse()).toBe(false);
    } finally {
      setKeyPoolRefillAfterUse(true);
    }
  });
});
