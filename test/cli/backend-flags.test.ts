// The CLI knows backends only through the registry; real sessions run typed calls and runbooks.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendNames } from '../../src/backend/registry.js';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../support/fake-io.js';
import { describeWithPwsh } from '../support/pwsh.js';
import { writeStubModules } from '../backend/session/stub-modules.js';

const THUMB = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';

describe('--backend through the registry', () => {
  it('lists every backend and refuses others by name', async () => {
    expect(backendNames()).toEqual(['mock', 'local', 'remote', 'ssh', 'sim', 'print']);
    const io = fakeIo();
    expect(await runCli(['get', '--thumbprint', THUMB, '--backend', 'nosuch'], io)).toBe(2);
    expect(io.err()).toBe(
      "exchcert: --backend 'nosuch' is not a backend. Allowed: mock, local, remote, ssh, sim, print.\n",
    );
    const run = fakeIo({ stdin: "'x'\n" });
    expect(await runCli(['run', '-', '--backend', 'nosuch'], run)).toBe(2);
    expect(run.err()).toContain("--backend 'nosuch' is not a backend.");
  });
  it('refuses bad connection options with one line naming the option', async () => {
    const io = fakeIo();
    expect(await runCli(['get', '--thumbprint', THUMB, '--backend', 'remote', '--authentication', 'Digest'], io)).toBe(
      2,
    );
    expect(io.err()).toBe("exchcert: --authentication 'Digest' is not allowed. Allowed: Kerberos, Negotiate, Basic.\n");
    const t = fakeIo();
    expect(await runCli(['get', '--thumbprint', THUMB, '--backend', 'local', '--timeout', '0'], t)).toBe(2);
    expect(t.err()).toContain("--timeout '0' is not a number of seconds above 0.");
    const tr = fakeIo();
    expect(await runCli(['get', '--thumbprint', THUMB, '--backend', 'local', '--transport', 'wsman'], tr)).toBe(2);
    expect(tr.err()).toBe("exchcert: --transport 'wsman' is not allowed. Allowed: runner, psrp.\n");
  });
});

describeWithPwsh('CLI on --backend local --bootstrap none with the stub module', () => {
  let dir: string;
  let module: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'exchcert-cli-local-'));
    module = writeStubModules(dir)[0]!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a typed call rendered for the session (PowerShell 7) and prints --json in the shape of the mock', async () => {
    const io = fakeIo();
    const code = await runCli(
      ['get', '--thumbprint', THUMB, '--backend', 'local', '--bootstrap', 'none', '--import-module', module, '--json'],
      io,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(io.out()) as { ok: boolean; backend: string; output: Record<string, unknown>[] };
    expect(doc).toMatchObject({ ok: true, backend: 'local' });
    expect(doc.output[0]).toMatchObject({
      Thumbprint: THUMB,
      Services: 'IMAP, POP, IIS, SMTP',
      CertificateDomains: ['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl'],
    });
  }, 120_000);

  it('gives the same --json over --transport psrp as over the runner', async () => {
    const json = async (transport: string) => {
      const io = fakeIo();
      const args = ['get', '--thumbprint', THUMB, '--backend', 'local', '--bootstrap', 'none'];
      expect(await runCli([...args, '--import-module', module, '--transport', transport, '--json'], io)).toBe(0);
      return (JSON.parse(io.out()) as { output: unknown[] }).output;
    };
    const psrp = await json('psrp');
    expect(psrp).toHaveLength(1);
    expect(psrp).toEqual(await json('runner'));
  }, 240_000);

  it("runs a runbook file as a script and shows certificates in Exchange's table view", async () => {
    const file = join(dir, 'runbook.ps1');
    writeFileSync(
      file,
      `Write-Host "from $(Split-Path -Leaf $PSCommandPath)"\nGet-ExchangeCertificate -Thumbprint '${THUMB}'\n`,
    );
    const io = fakeIo();
    const code = await runCli(
      ['run', file, '--backend', 'local', '--bootstrap', 'none', '--import-module', module],
      io,
    );
    expect(code).toBe(0);
    expect(io.out()).toContain('from runbook.ps1\n');
    expect(io.out()).toContain(`${THUMB}  IP.WS..    CN=webmail.exchangefun.nl`);
  }, 120_000);
});

describe('--servers on the mock', () => {
  it('runs the call once per server, pinned with -Server; --json per server; exit 1 when one failed', async () => {
    const { mkdtempSync: mk, rmSync: rm } = await import('node:fs');
    const state = mk(join(tmpdir(), 'exchcert-many-'));
    try {
      const io = fakeIo();
      const code = await runCli(
        [
          'get',
          '--backend',
          'mock',
          '--state',
          state,
          '--servers',
          'AMS-EXCH01,RESEXCH01,NO-SUCH',
          '--throttle',
          '2',
          '--json',
        ],
        io,
      );
      expect(code).toBe(1);
      const doc = JSON.parse(io.out()) as {
        ok: boolean;
        servers: { server: string; ok: boolean; result: { statements: { text: string }[]; output: unknown[] } }[];
      };
      expect(doc.ok).toBe(false);
      expect(doc.servers.map((s) => [s.server, s.ok])).toEqual([
        ['AMS-EXCH01', true],
        ['RESEXCH01', true],
        ['NO-SUCH', false],
      ]);
      expect(doc.servers[1]!.result.statements[0]!.text).toBe("Get-ExchangeCertificate -Server 'RESEXCH01'");
      expect(doc.servers[0]!.result.output.length).toBeGreaterThan(0);
      const print = fakeIo();
      expect(await runCli(['get', '--print', '--servers', 'EX1,EX2'], print)).toBe(0);
      expect(print.out()).toBe("Get-ExchangeCertificate -Server 'EX1'\nGet-ExchangeCertificate -Server 'EX2'\n");
      const both = fakeIo();
      expect(await runCli(['get', '--print', '--servers', 'EX1', '--server', 'EX2'], both)).toBe(2);
      expect(both.err()).toBe('exchcert: --servers pins every call with -Server itself; leave out --server.\n');
    } finally {
      rm(state, { recursive: true, force: true });
    }
  }, 120_000);
});
