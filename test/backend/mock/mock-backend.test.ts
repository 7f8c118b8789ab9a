// The mock backend honours RunOptions.signal: an aborted run stops before its next statement with PipelineStopped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { mockBackend } from '../../../src/backend/mock/mock-backend.js';
import { openMockState } from '../../../src/backend/mock/mock-state.js';
import { addServer } from '../../../src/engine/add-server.js';
import { PipelineStopped } from '../../../src/interpreter/pipeline-stopped.js';
import { pooledKeys } from '../../engine/support/key-pool.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('mock backend: RunOptions.signal', () => {
  it('stops before the next statement once aborted, and runs nothing when aborted already', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exchcert-abort-'));
    dirs.push(dir);
    const state = openMockState(dir, { keyPoolSize: 0 });
    await addServer(state.store, { name: 'EX1', exchange: '2019-CU14' }, new Date(), pooledKeys);
    const offset = () => state.store.read((tx) => tx.getOrgConfig().clockOffsetMs);
    const before = offset();
    const mock = mockBackend({ state, connect: 'EX1' });
    const abort = new AbortController();
    const host = { write: () => undefined, statementDone: () => abort.abort() };
    await expect(
      mock.run('Start-Sleep -Seconds 10\nStart-Sleep -Seconds 20', { signal: abort.signal, host }),
    ).rejects.toThrow(PipelineStopped);
    expect(offset() - before).toBe(10_000);
    await expect(mock.run('Start-Sleep -Seconds 30', { signal: abort.signal })).rejects.toThrow(PipelineStopped);
    expect(offset() - before).toBe(10_000);
    expect((await mock.run('Start-Sleep -Seconds 1')).ok).toBe(true);
    state.close();
  });
});
