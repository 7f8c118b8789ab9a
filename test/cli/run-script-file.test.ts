import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../support/fake-io.js';

describe('exchcert run FILE on the mock runs the file as a script', () => {
  it('sets $PSScriptRoot, $PSCommandPath and $env:COMPUTERNAME; its own $ErrorActionPreference does not reach Exchange cmdlets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exchcert-script-'));
    try {
      const file = join(dir, 'renew.ps1');
      writeFileSync(
        file,
        [
          '$PSScriptRoot',
          '$PSCommandPath',
          '$env:COMPUTERNAME',
          "$ErrorActionPreference = 'Stop'",
          "try { Get-ExchangeCertificate -Thumbprint 0000000000000000000000000000000000000000; 'went on' } catch { 'caught' }",
        ].join('\r\n'),
      );
      const io = fakeIo();
      const code = await runCli(['run', file, '--state', join(dir, 'state')], io);
      expect(io.out()).toContain('C:\\Users\\Administrator\nC:\\Users\\Administrator\\renew.ps1\nAMS-EXCH01\n');
      expect(io.out()).toContain('went on');
      expect(io.out()).not.toContain('caught');
      expect(code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
