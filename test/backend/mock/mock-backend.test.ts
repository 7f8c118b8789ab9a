// The mock backend honours RunOptions.signal: an aborted run stops before its next statement with PipelineStopped.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mockBackend } from '../../../src/backend/mock/mock-backend.js';
import { PipelineStopped } from '../../../src/interpreter/pipeline-stopped.js';
import { cleanup, mockOrg } from './mock-org.js';

afterAll(cleanup);

describe('mock backend: RunOptions.signal', () => {
  it('stops before the next statement once aborted, and runs nothing when aborted already', async () => {
    const { state, offset } = await mockOrg();
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
