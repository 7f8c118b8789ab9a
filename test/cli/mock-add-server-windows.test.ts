import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { openMockState } from '../../src/backend/mock/mock-state.js';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../support/fake-io.js';

describe('exchcert mock add-server --windows', () => {
  it('stores the Windows version; a bad one is one clear error naming --windows, and nothing is added', async () => {
    const state = mkdtempSync(join(tmpdir(), 'exchcert-windows-'));
    try {
      const bad = fakeIo();
      expect(
        await runCli(['mock', 'add-server', 'EX13', '--exchange', '2013', '--windows', '2003', '--state', state], bad),
      ).not.toBe(0);
      expect(bad.err()).toMatch(/--windows '2003'.*Allowed: 2008R2, 2012R2, 2016, 2019, 2022, 2025/);
      expect(bad.err()).not.toMatch(/\n\s+at /);
      const io = fakeIo();
      expect(
        await runCli(['mock', 'add-server', 'EX13', '--exchange', '2013', '--windows', '2016', '--state', state], io),
      ).toBe(0);
      const opened = openMockState(state);
      try {
        expect(
          opened.store.read((tx) => tx.listServers().map((s) => [s.name, tx.getServerConfig(s.name).windows])),
        ).toEqual([['EX13', '2016']]);
      } finally {
        opened.close();
      }
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  }, 120_000);
});
