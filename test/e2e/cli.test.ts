import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'exchcert.js');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, PFX_PW: 'Pass1word' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the built CLI (bin/exchcert.js)', () => {
  it('is built (npm test builds before jest)', () => {
    expect(existsSync(join(root, 'dist', 'cli-bundle', 'exchcert.cjs'))).toBe(true);
  });
  it('prints the exact line on the fast path and through yargs alike', () => {
    const args = [
      'export',
      '--thumbprint',
      '225B26D7F8EF0721887213EEF71F87380DE8AEEE',
      '--binary-encoded',
      '--password-env',
      'PFX_PW',
      '--print',
      '--exchange',
      '2019-CU14',
    ];
    const fast = run(args);
    expect(fast).toEqual({
      code: 0,
      err: '',
      out: "Export-ExchangeCertificate -Thumbprint '225B26D7F8EF0721887213EEF71F87380DE8AEEE' -BinaryEncoded -Password $ExchcertPassword\n",
    });
    const slow = run(
      [
        'export',
        '--thumbprint',
        '225B26D7F8EF0721887213EEF71F87380DE8AEEE',
        '--binary-encoded',
        '--password-stdin',
        '--print',
        '--exchange',
        '2019-CU14',
      ],
      'Pass1word\n',
    );
    expect(slow).toEqual(fast);
  });
  it('runs on the mock when --print is turned off again (the print bundle, which has no backends, is not used)', () => {
    const state = mkdtempSync(join(tmpdir(), 'exchcert-print-off-'));
    try {
      const r = run(['get', '--server', 'AMS-EXCH01', '--print', '--no-print', '--backend', 'mock', '--state', state]);
      expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
      expect(r.out).toMatch(/Thumbprint\s+Services\s+Subject/);
      const servers = run(['get', '--servers', 'AMS-EXCH01,RESEXCH01', '--print']);
      expect(servers).toEqual({
        code: 0,
        err: '',
        out: "Get-ExchangeCertificate -Server 'AMS-EXCH01'\nGet-ExchangeCertificate -Server 'RESEXCH01'\n",
      });
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });
  it('exits 2 with one clear line on bad input', () => {
    const r = run(['new-selfsigned', '--key-size', '3000', '--print']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'exchcert: New-ExchangeCertificate -KeySize: 3000 is not valid: must be one of 1024, 2048, 4096. Allowed: 1024, 2048, 4096.\n',
    );
  });
  it('lints and parses files from stdin', () => {
    const l = run(['lint', '-', '--shell', '7'], '$b = Get-Content x -Encoding Byte -ReadCount 0\n');
    expect(l.code).toBe(1);
    expect(l.out).toMatch(
      /^<stdin>:1:6: error binding: Get-Content: Cannot process argument transformation on parameter 'Encoding'\. 'Byte' is not a supported encoding name/,
    );
    const p = run(['parse', '--json', '-'], 'Get-ExchangeCertificate -Server EXCH1\n');
    expect(JSON.parse(p.out)[0]).toMatchObject({
      cmdlet: 'Get-ExchangeCertificate',
      parameterSet: 'Thumbprint',
      parameters: { server: 'EXCH1' },
    });
  });
});
