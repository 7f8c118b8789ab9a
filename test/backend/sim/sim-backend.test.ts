// --backend sim through the library's connect() and the CLI's --servers fan-out, against the mock on copies of one state.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TransportKind } from '../../../src/backend/session/transport-kind.js';
import { connect } from '../../../src/connect.js';
import { getExchangeCertificate } from '../../../src/cmdlet/get-exchange-certificate.js';
import { exchcert } from '../../e2e/support/mock-cli.js';
import { describeWithPwsh, pwshPath } from '../../support/pwsh.js';
import { seededState, stopEngine } from './sim-support.js';

interface FanOut {
  readonly ok: boolean;
  readonly servers: { server: string; ok: boolean; result: { backend: string; output: { Thumbprint: string }[] } }[];
}

describeWithPwsh('--backend sim: connect() and --servers', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sim-backend-'));
    await seededState(join(dir, 'base'));
    cpSync(join(dir, 'base'), join(dir, 'sim'), { recursive: true });
    cpSync(join(dir, 'base'), join(dir, 'mock'), { recursive: true });
    cpSync(join(dir, 'base'), join(dir, 'clock'), { recursive: true });
    cpSync(join(dir, 'base'), join(dir, 'cli'), { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await stopEngine(join(dir, 'sim'));
    await stopEngine(join(dir, 'cli'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('connect() runs typed builders and runbook text, on the connected server', async () => {
    const session = await connect({
      backend: 'sim',
      state: join(dir, 'sim'),
      connect: 'RESEXCH01',
      backendOptions: { pwsh: pwshPath()! },
    });
    try {
      const { certificates, result } = await session.invoke(getExchangeCertificate({}));
      expect(result).toMatchObject({ ok: true, backend: 'sim' });
      expect(certificates.length).toBeGreaterThan(0);
      for (const c of certificates) expect(c.Thumbprint).toMatch(/^[0-9A-F]{40}$/);
      const where = await session.run('$env:COMPUTERNAME; (Get-ExchangeServer -Identity $env:COMPUTERNAME).Fqdn');
      expect(where.output).toEqual(['RESEXCH01', 'RESEXCH01.labs.local']);
    } finally {
      await session.close();
    }
    const mock = await connect({ backend: 'mock', state: join(dir, 'mock'), connect: 'RESEXCH01' });
    try {
      const { certificates } = await mock.invoke(getExchangeCertificate({}));
      const sim = await connect({ backend: 'sim', state: join(dir, 'sim'), backendOptions: { pwsh: pwshPath()! } });
      try {
        const viaSim = await sim.invoke(getExchangeCertificate({ server: 'RESEXCH01' }));
        expect(viaSim.certificates.map((c) => c.Subject).sort()).toEqual(certificates.map((c) => c.Subject).sort());
      } finally {
        await sim.close();
      }
    } finally {
      await mock.close();
    }
  }, 180_000);

  // Both transports carry every field the typed shape has (the runner writes an Oid and an extension at any depth).
  it.each<[TransportKind]>([['psrp'], ['runner']])(
    'typed certificates over %s are the mock’s, field by field',
    async (transport) => {
      const mock = await connect({ backend: 'mock', state: join(dir, 'mock'), connect: 'AMS-EXCH01' });
      const expected = (await mock.invoke(getExchangeCertificate({}))).certificates;
      await mock.close();
      const sim = await connect({
        backend: 'sim',
        state: join(dir, 'sim'),
        connect: 'AMS-EXCH01',
        backendOptions: { pwsh: pwshPath()!, transport },
      });
      try {
        const { certificates } = await sim.invoke(getExchangeCertificate({}));
        expect(certificates.map((c) => c.Thumbprint).sort()).toEqual(expected.map((c) => c.Thumbprint).sort());
        expect(expected.some((c) => c.CertificateDomains.length > 0)).toBe(true);
        for (const c of expected) {
          const got = certificates.find((x) => x.Thumbprint === c.Thumbprint)!;
          for (const key of Object.keys(c) as (keyof typeof c)[]) expect([key, got[key]]).toEqual([key, c[key]]);
        }
      } finally {
        await sim.close();
      }
    },
    180_000,
  );

  it('`run` shows a failing statement’s error once, with the Windows path the runbook used', () => {
    const r = exchcert(
      ['run', '-', '--backend', 'sim', '--state', join(dir, 'cli')],
      "'before'\nGet-Content -Path 'C:\\NoSuch\\cert.txt'\n'after'\n",
    );
    expect(r.code).toBe(1);
    expect(r.out).toBe('before\nafter\n');
    expect(r.err.split("Cannot find path 'C:\\NoSuch\\cert.txt' because it does not exist.")).toHaveLength(2);
    expect(r.err).not.toContain(join(dir, 'cli'));
  }, 180_000);

  it('sleeps on the mock’s clock: Start-Sleep moves the organization’s clock and Get-Date on without waiting', async () => {
    const session = await connect({ backend: 'sim', state: join(dir, 'clock'), backendOptions: { pwsh: pwshPath()! } });
    try {
      const started = Date.now();
      const r = await session.run(
        [
          "$a = New-ExchangeCertificate -SubjectName 'CN=before.contoso.com' -Services None",
          '$t = Get-Date',
          'Start-Sleep -Seconds 172800',
          "$b = New-ExchangeCertificate -SubjectName 'CN=after.contoso.com' -Services None",
          '[int]((Get-Date) - $t).TotalHours',
          '[int]($b.NotAfter - $a.NotAfter).TotalHours',
        ].join('\n'),
      );
      expect(r.errors).toEqual([]);
      expect(r.output).toEqual([48, 48]);
      expect(Date.now() - started).toBeLessThan(60_000);
    } finally {
      await session.close();
    }
  }, 180_000);

  it('fans a typed subcommand out over --servers, one result per server, as the mock does', () => {
    const args = ['get', '--servers', 'AMS-EXCH01,RESEXCH01', '--json'];
    const sim = exchcert([...args, '--backend', 'sim', '--state', join(dir, 'sim')]);
    const mock = exchcert([...args, '--backend', 'mock', '--state', join(dir, 'mock')]);
    expect(sim.code).toBe(0);
    expect(mock.code).toBe(0);
    const [viaSim, viaMock] = [JSON.parse(sim.out) as FanOut, JSON.parse(mock.out) as FanOut];
    expect(viaSim.ok).toBe(true);
    expect(viaSim.servers.map((s) => [s.server, s.ok, s.result.backend])).toEqual([
      ['AMS-EXCH01', true, 'sim'],
      ['RESEXCH01', true, 'sim'],
    ]);
    expect(viaSim.servers.map((s) => s.result.output.length)).toEqual(
      viaMock.servers.map((s) => s.result.output.length),
    );
    expect(viaSim.servers.map((s) => s.result.output.length).every((n) => n > 0)).toBe(true);
  }, 180_000);
});
