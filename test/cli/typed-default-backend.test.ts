import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../support/fake-io.js';

function state(): string {
  return mkdtempSync(join(tmpdir(), 'exchcert-typed-'));
}

describe('typed subcommands run on the default backend; --print prints', () => {
  it('runs on the mock without --print (state from EXCHCERT_STATE) and prints with --print', async () => {
    const dir = state();
    const io = fakeIo({ env: { EXCHCERT_STATE: dir } });
    expect(await runCli(['get', '--server', 'AMS-EXCH01'], io)).toBe(0);
    expect(io.out()).toMatch(/Thumbprint\s+Services\s+Subject/);
    expect(io.out()).toContain('CN=AMS-EXCH01');
    const printed = fakeIo({ env: { EXCHCERT_STATE: dir } });
    expect(await runCli(['get', '--server', 'AMS-EXCH01', '--print'], printed)).toBe(0);
    expect(printed.out()).toBe("Get-ExchangeCertificate -Server 'AMS-EXCH01'\n");
    const byEnv = fakeIo({ env: { EXCHCERT_BACKEND: 'print' } });
    expect(await runCli(['get', '--server', 'AMS-EXCH01'], byEnv)).toBe(0);
    expect(byEnv.out()).toBe("Get-ExchangeCertificate -Server 'AMS-EXCH01'\n");
  });
  it('import --file-data reads the PFX on this machine and the mock installs its bytes', async () => {
    const dir = state();
    const env = { EXCHCERT_STATE: dir, PFX_PW: 'Pass1word' };
    // A PFX exported from the mock, written to this machine's disk (not into the mock's C:\).
    const made = fakeIo({ env });
    expect(
      await runCli(
        [
          'new-selfsigned',
          '--server',
          'AMS-EXCH01',
          '--subject-name',
          'CN=x.contoso.com',
          '--private-key-exportable',
          '--force',
          '--json',
        ],
        made,
      ),
    ).toBe(0);
    const thumbprint = String(JSON.parse(made.out()).output[0].Thumbprint);
    const pfxIo = fakeIo({ env });
    expect(
      await runCli(
        [
          'export',
          '--server',
          'AMS-EXCH01',
          '--thumbprint',
          thumbprint,
          '--binary-encoded',
          '--password-env',
          'PFX_PW',
          '--json',
        ],
        pfxIo,
      ),
    ).toBe(0);
    const fileData = JSON.parse(pfxIo.out()).output[0].FileData.base64 as string;
    const local = join(dir, 'local.pfx');
    writeFileSync(local, Buffer.from(fileData, 'base64'));
    const io = fakeIo({ env });
    expect(
      await runCli(['import', '--server', 'RESEXCH01', '--file-data', local, '--password-env', 'PFX_PW', '--json'], io),
    ).toBe(0);
    const result = JSON.parse(io.out());
    expect(result.statements[0].text).toBe(
      "Import-ExchangeCertificate -FileData $ExchcertFileData -Password $ExchcertPassword -Server 'RESEXCH01'",
    );
    expect(result.output[0].Thumbprint).toBe(thumbprint);
    expect(readFileSync(local).length).toBeGreaterThan(1000);
    // --servers: the same bytes reach every server's call (the fan-out path sets the variable too).
    const many = fakeIo({ env });
    expect(
      await runCli(
        ['import', '--servers', 'AMS-EXCH01,RESEXCH01', '--file-data', local, '--password-env', 'PFX_PW', '--json'],
        many,
      ),
    ).toBe(1);
    const outcomes = JSON.parse(many.out()).servers as {
      server: string;
      ok: boolean;
      result: { statements: { text: string }[]; output: { Thumbprint: string }[]; errors: { message: string }[] };
    }[];
    expect(outcomes.map((o) => o.result.statements[0]!.text)).toEqual([
      "Import-ExchangeCertificate -FileData $ExchcertFileData -Password $ExchcertPassword -Server 'AMS-EXCH01'",
      "Import-ExchangeCertificate -FileData $ExchcertFileData -Password $ExchcertPassword -Server 'RESEXCH01'",
    ]);
    // AMS-EXCH01 already holds it (it was made there); RESEXCH01 was given it above: both refuse as duplicates,
    // which only bytes of that very certificate can cause.
    for (const o of outcomes) expect(o.result.errors[0]!.message).toMatch(new RegExp(thumbprint, 'i'));
    const fresh = fakeIo({ env: { ...env, EXCHCERT_STATE: state() } });
    expect(
      await runCli(
        ['import', '--servers', 'AMS-EXCH01,RESEXCH01', '--file-data', local, '--password-env', 'PFX_PW', '--json'],
        fresh,
      ),
    ).toBe(0);
    const installed = JSON.parse(fresh.out()).servers as { result: { output: { Thumbprint: string }[] } }[];
    expect(installed.map((o) => o.result.output[0]!.Thumbprint)).toEqual([thumbprint, thumbprint]);
    const missing = fakeIo({ env });
    expect(await runCli(['import', '--file-data', join(dir, 'nope.pfx'), '--password-env', 'PFX_PW'], missing)).toBe(2);
    expect(missing.err()).toBe(
      `exchcert: --file-data '${join(dir, 'nope.pfx')}' cannot be read on this machine: ENOENT.\n`,
    );
  });
});

describe('--json errors', () => {
  it('prints a bad-input error as one JSON line naming the parameter and value', async () => {
    const io = fakeIo();
    expect(await runCli(['enable', '--thumbprint', 'nothex', '--services', 'IIS', '--print', '--json'], io)).toBe(2);
    const lines = io.err().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).error).toMatchObject({
      parameter: 'Thumbprint',
      value: '"nothex"',
      message: expect.stringContaining('40 hexadecimal digits'),
    });
  });
});
