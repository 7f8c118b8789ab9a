// Start-Sleep in a runbook on the mock backend moves the organization's clock (nothing waits).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { mockBackend } from '../../../src/backend/mock/mock-backend.js';
import { openMockState } from '../../../src/backend/mock/mock-state.js';
import { addServer } from '../../../src/engine/add-server.js';
import { pooledKeys } from '../../engine/support/key-pool.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('Start-Sleep on the mock backend', () => {
  it('advances the organization clock by the time slept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exchcert-sleep-'));
    dirs.push(dir);
    const state = openMockState(dir, { keyPoolSize: 0 });
    await addServer(state.store, { name: 'EX1', exchange: '2019-CU14' }, new Date(), pooledKeys);
    const offset = () => state.store.read((tx) => tx.getOrgConfig().clockOffsetMs);
    const before = offset();
    const mock = mockBackend({ state, connect: 'EX1' });
    const r = await mock.runText('Start-Sleep -Seconds 3600\nStart-Sleep -Milliseconds 500', '5.1');
    expect(r.ok).toBe(true);
    expect(offset() - before).toBe(3_600_500);
    state.close();
  });
});
