// The built CLI ports a fixture runbook: a diff without --write, the file rewritten with it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from '@jest/globals';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'exchcert.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

it('bin/exchcert.js port prints the diff, then --write rewrites the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exchcert-port-e2e-'));
  try {
    const file = join(dir, 'renew-2010.ps1');
    copyFileSync(join(root, 'fixtures', 'port', 'renew-2010.ps1'), file);
    const before = readFileSync(file);
    const dry = run(['port', file, '--exchange', '2019-CU14', '--shell', '7']);
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('+[System.IO.File]::WriteAllBytes("\\\\fs01\\certs\\mail.pfx", $ExportResult.FileData)');
    expect(dry.out).not.toContain('P@ssw0rd!');
    expect(readFileSync(file).equals(before)).toBe(true);
    const written = run(['port', file, '--exchange', '2019-CU14', '--shell', '7', '--unattended', '--write']);
    expect(written.code).toBe(0);
    expect(written.out).toMatch(/wrote .*renew-2010\.ps1: \d+ edits/);
    expect(readFileSync(file, 'utf8')).toContain(
      'Remove-ExchangeCertificate -Thumbprint 115B26D7F8EF0721887213EEF71F87380DE8AEEE -Confirm:$false',
    );
    const bad = run(['port', file, '--exchange', '2019-CU14', '--shell', '8']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--shell '8'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
