// Start-Sleep in a runbook on the mock backend moves the organization's clock (nothing waits).
import { afterAll, describe, expect, it } from '@jest/globals';
import { mockBackend } from '../../../src/backend/mock/mock-backend.js';
import { cleanup, mockOrg } from './mock-org.js';

afterAll(cleanup);

describe('Start-Sleep on the mock backend', () => {
  it('advances the organization clock by the time slept', async () => {
    const { state, offset } = await mockOrg();
    const before = offset();
    const mock = mockBackend({ state, connect: 'EX1' });
    const r = await mock.runText('Start-Sleep -Seconds 3600\nStart-Sleep -Milliseconds 500', '5.1');
    expect(r.ok).toBe(true);
    expect(offset() - before).toBe(3_600_500);
    state.close();
  });
});
