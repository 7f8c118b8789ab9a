// A throwaway mock organization with one 2019 server EX1, for backend tests; `cleanup()` removes every folder made.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMockState } from '../../../src/backend/mock/mock-state.js';
import type { MockState } from '../../../src/backend/mock/mock-state.js';
import { addServer } from '../../../src/engine/add-server.js';
import { pooledKeys } from '../../engine/support/key-pool.js';

const dirs: string[] = [];

/** A state with server EX1 and a reader of its clock offset. */
export async function mockOrg(): Promise<{ state: MockState; offset: () => number }> {
  const dir = mkdtempSync(join(tmpdir(), 'exchcert-mock-org-'));
  dirs.push(dir);
  const state = openMockState(dir, { keyPoolSize: 0 });
  await addServer(state.store, { name: 'EX1', exchange: '2019-CU14' }, new Date(), pooledKeys);
  return { state, offset: () => state.store.read((tx) => tx.getOrgConfig().clockOffsetMs) };
}

/** Removes the folders of every mockOrg(). */
export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
