// `exchcert run` text mode on the mock: Write-Host text and each statement's result appear as the runbook goes (the
// crash test relies on it), parse errors are shown, and `mock set-require-ssl` takes on/off.
import { spawn } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bin, cliEnv, exchcert, root, runJson, tempDir } from './support/mock-cli.js';

const work = tempDir('exchcert-run-output-');
const state = join(work, 'state');

beforeAll(() => {
  expect(exchcert(['run', '-', '--state', state], '$x = 1\n')).toMatchObject({ code: 0, err: '' });
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('exchcert run (text mode) on the mock', () => {
  it("prints Write-Host text in order with the statements' output", () => {
    const r = exchcert(
      ['run', '-', '--state', state],
      "Write-Host 'one'\n'two'\nWrite-Host 'three' -NoNewline\nWrite-Host ''\n",
    );
    expect(r).toEqual({ code: 0, out: 'one\ntwo\nthree\n', err: '' });
  });

  it('shows --echo lines before the statement they echo', () => {
    const r = exchcert(['run', '-', '--state', state, '--echo'], "Write-Host 'A'\n'B'\n");
    expect(r.out).toBe("[PS] C:\\Windows\\system32> Write-Host 'A'\nA\n[PS] C:\\Windows\\system32> 'B'\nB\n");
  });

  it('streams: Write-Host text arrives while the runbook is still running', async () => {
    const file = join(work, 'long.ps1');
    writeFileSync(
      file,
      `Write-Host 'first'\n${'$x = Get-ExchangeCertificate -Server AMS-EXCH01\n'.repeat(2000)}Write-Host 'last'\n`,
    );
    const child = spawn(process.execPath, [bin, 'run', file, '--state', state], {
      cwd: root,
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let exitedBeforeFirst: boolean | undefined;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (exitedBeforeFirst === undefined && out.includes('first\n')) exitedBeforeFirst = child.exitCode !== null;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toBe('first\nlast\n');
    expect(exitedBeforeFirst).toBe(false);
  });

  it('shows a parse error (it belongs to no statement) and exits 1', () => {
    const r = exchcert(['run', '-', '--state', state], 'Get-ExchangeCertificate -Server (\n');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain("An expression was expected after '('.");
    expect(r.err).toContain('+ CategoryInfo          : ParserError: (:) [], ParseException');
    expect(r.err).toContain('+ FullyQualifiedErrorId : ParseException');
  });
});

describe('exchcert mock set-require-ssl', () => {
  const enableIis = (dir: string) => {
    const wmsvc = runJson(
      dir,
      "Get-ExchangeCertificate -Server AMS-EXCH01 | Where-Object { $_.FriendlyName -eq 'WMSVC' } | Select-Object Thumbprint\n",
    );
    const thumbprint = (wmsvc.json.output[0] as { Thumbprint: string }).Thumbprint;
    return runJson(dir, `Enable-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${thumbprint} -Services IIS\n`);
  };

  it.each([
    ['off', true],
    ['false', true],
    ['on', false],
    ['true', false],
  ])('%s: the Require SSL question is asked: %s', (value, asked) => {
    const dir = join(work, `ssl-${value}`);
    cpSync(state, dir, { recursive: true });
    expect(exchcert(['mock', 'set-require-ssl', 'AMS-EXCH01', value, '--state', dir])).toMatchObject({
      code: 0,
      err: '',
    });
    const r = enableIis(dir);
    expect(r.code).toBe(asked ? 1 : 0);
    expect(r.json.errors.map((e) => e.message)).toEqual(
      asked ? ['Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.'] : [],
    );
  });

  it('refuses a value that is neither on nor off', () => {
    const r = exchcert(['mock', 'set-require-ssl', 'AMS-EXCH01', 'maybe', '--state', state]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('Choices: "on", "off", "true", "false"');
  });
});
