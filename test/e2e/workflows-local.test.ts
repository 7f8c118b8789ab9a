// The workflows through the built CLI over `--backend local`: real pwsh 7 with a stateful Exchange stand-in module
// (--bootstrap none --import-module), so report, plan (a connector naming the old certificate read through
// Get-SendConnector), apply (a failure in the middle, then idempotent) and deploy (two sessions from the fan-out's
// pool) run their exact lines in a real session, and every executed line is logged.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from '@jest/globals';
import { readCertificate, readPfx } from '../../src/pki/index.js';
import { describeWithPwsh, pwshPath } from '../support/pwsh.js';
import { writeStandIn } from '../workflow/support/exchange-stand-in.js';
import type { StandInState } from '../workflow/support/exchange-stand-in.js';
import { bin, cliEnv, tempDir } from './support/mock-cli.js';

const PASSWORD = 'Pass1word';

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function run(cwd: string, args: readonly string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...cliEnv(), PFX_PW: PASSWORD, PWSH: pwshPath() ?? '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A PFX issued by the mock's vendor CA for mail and autodiscover (renew --ca mock in a folder of its own). */
function issuedPfx(cn: string): { pfx: Buffer; der: string; thumbprint: string } {
  const maker = tempDir('exchcert-local-pfx-');
  const made = run(maker, [
    'renew',
    '--server',
    'AMS-EXCH01',
    '--subject-name',
    `CN=${cn}`,
    '--domain-name',
    'mail.contoso.com,autodiscover.contoso.com',
    '--services',
    'IIS',
    '--ca',
    'mock',
    '--password-env',
    'PFX_PW',
    '--quiet',
  ]);
  if (made.code !== 0) throw new Error(`renew on the mock failed: ${made.err}`);
  const pfx = readFileSync(join(maker, `${cn.replace(/\./g, '_')}.pfx`));
  const endEntity = readPfx(new Uint8Array(pfx), PASSWORD).endEntity;
  return { pfx, der: Buffer.from(endEntity).toString('base64'), thumbprint: readCertificate(endEntity).thumbprint };
}

describeWithPwsh('workflows over --backend local (real pwsh, stateful Exchange stand-in)', () => {
  let cwd: string;
  let local: (args: readonly string[]) => Run;
  let stateFile: string;
  let old: { der: string; thumbprint: string };
  let fresh: { thumbprint: string };
  const readState = () => JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState;
  const thumbprintsOn = (server: string) =>
    readState()
      .servers.find((s) => s.name === server)!
      .certificates.map((c) => readCertificate(new Uint8Array(Buffer.from(c.der, 'base64'))).thumbprint);

  beforeAll(() => {
    cwd = tempDir('exchcert-local-');
    // The old certificate's subject differs from the new one's, so a connector naming it does not name the new one.
    const a = issuedPfx('autodiscover.contoso.com');
    const b = issuedPfx('mail.contoso.com');
    old = a;
    fresh = b;
    writeFileSync(join(cwd, 'new.pfx'), b.pfx);
    const { module, env } = writeStandIn(cwd, {
      servers: [
        {
          name: 'AMS-EXCH01',
          version: 'Version 15.1 (Build 2507.6)',
          certificates: [{ der: a.der, services: 'IIS, SMTP', hasKey: true }],
        },
        { name: 'RESEXCH01', version: 'Version 15.2 (Build 1544.4)', missingRoles: ['UM'], certificates: [] },
      ],
      sendConnectors: [{ name: 'Internet', tls: null }],
      receiveConnectors: [{ name: 'Default Frontend AMS-EXCH01', server: 'AMS-EXCH01', tls: null }],
    });
    stateFile = env['EXCHCERT_STAND_IN_STATE']!;
    local = (args) => run(cwd, [...args, '--backend', 'local', '--bootstrap', 'none', '--import-module', module], env);
  }, 240_000);

  it('report reads every server through the session; each executed line is logged', () => {
    const r = local(['report', '--json', '--throttle', '1', '-v', '--log-file', 'report.log']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      servers: {
        server: string;
        exchange: string;
        smtp: string[];
        certificates: { thumbprint: string; services: string[]; domains: string[] }[];
      }[];
    };
    expect(report.servers.map((s) => `${s.server} ${s.exchange}`)).toEqual([
      'AMS-EXCH01 2016-CU23',
      'RESEXCH01 2019-CU14',
    ]);
    expect(report.servers[0]!.smtp).toEqual([old.thumbprint]);
    expect(report.servers[0]!.certificates[0]).toMatchObject({
      services: ['IIS', 'SMTP'],
      domains: ['mail.contoso.com', 'autodiscover.contoso.com'],
    });
    const commands = readFileSync(join(cwd, 'report.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((l) => l.event === 'command')
      .map((l) => l.command as string);
    expect(commands).toEqual([
      expect.stringMatching(/^Get-ExchangeServer \| Select-Object -Property 'Name', /),
      "Get-ExchangeCertificate -Server 'AMS-EXCH01'",
      "Get-ExchangeCertificate -Server 'RESEXCH01'",
    ]);
  }, 240_000);

  it('plan refuses to remove a certificate a Send connector names (Get-SendConnector); apply runs nothing', () => {
    const report = JSON.parse(local(['report', '--json', '--servers', 'AMS-EXCH01']).out) as {
      servers: { certificates: { tlsCertificateName: string }[] }[];
    };
    const state = readState();
    writeFileSync(
      stateFile,
      JSON.stringify({
        ...state,
        sendConnectors: [{ name: 'Internet', tls: report.servers[0]!.certificates[0]!.tlsCertificateName }],
      }),
    );
    writeFileSync(
      join(cwd, 'one.yaml'),
      'servers:\n  - name: AMS-EXCH01\n    certificate: { pfx: ./new.pfx }\n    services: [IIS, SMTP]\n    removeOld: true\n',
    );
    const plan = local(['plan', 'one.yaml', '--password-env', 'PFX_PW', '-v', '--log-file', 'plan.log']);
    expect(plan.code).toBe(1);
    expect(plan.out).toContain(
      `# refused: not removing ${old.thumbprint} on AMS-EXCH01: ` +
        "Send connector 'Internet' names it in TlsCertificateName",
    );
    const log = readFileSync(join(cwd, 'plan.log'), 'utf8');
    expect(log).toContain('"command":"Get-SendConnector | Select-Object');
    expect(log).toContain('"command":"Get-ReceiveConnector | Select-Object');
    const apply = local(['apply', 'one.yaml', '--password-env', 'PFX_PW']);
    expect(apply.code).toBe(1);
    expect(apply.out).toContain('Nothing was run');
    expect(thumbprintsOn('AMS-EXCH01')).toEqual([old.thumbprint]);
    writeFileSync(stateFile, JSON.stringify(state)); // the connector no longer names it
  }, 240_000);

  it('apply stops at the first failure with what was and was not done; the fixed file applies once', () => {
    const desired = (res: string) =>
      'servers:\n  - name: AMS-EXCH01\n    certificate: { pfx: ./new.pfx }\n    services: [IIS, SMTP]\n    removeOld: true\n' +
      `  - name: RESEXCH01\n    certificate: { pfx: ./new.pfx }\n    services: [${res}]\n`;
    writeFileSync(join(cwd, 'bad.yaml'), desired('IIS, UM'));
    const failed = local(['apply', 'bad.yaml', '--password-env', 'PFX_PW', '--quiet']);
    expect(failed.code).toBe(1);
    expect(failed.out.match(/^[A-Z][a-z]+-ExchangeCertificate .*$/gm)).toEqual([
      "Import-ExchangeCertificate -Server 'AMS-EXCH01' -FileData $ExchcertFileData -Password $ExchcertPassword",
      "Import-ExchangeCertificate -Server 'RESEXCH01' -FileData $ExchcertFileData -Password $ExchcertPassword",
      `Enable-ExchangeCertificate -Server 'AMS-EXCH01' -Thumbprint '${fresh.thumbprint}' -Services 'IIS','SMTP' -Force`,
      `Enable-ExchangeCertificate -Server 'RESEXCH01' -Thumbprint '${fresh.thumbprint}' -Services 'IIS','UM'`,
    ]);
    expect(failed.out).toContain("Stopped: enable failed on RESEXCH01: The certificate can't be enabled for UM");
    expect(failed.out).toContain('Done (3):\n  import on AMS-EXCH01\n  import on RESEXCH01\n  enable on AMS-EXCH01\n');
    expect(failed.out).toContain('Not done (2):\n  enable on RESEXCH01 (failed)\n  remove on AMS-EXCH01\n');
    expect(failed.out).not.toContain(PASSWORD);
    writeFileSync(join(cwd, 'good.yaml'), desired('IIS'));
    const applied = local(['apply', 'good.yaml', '--password-env', 'PFX_PW', '--quiet']);
    expect(applied.code).toBe(0);
    expect(applied.out.match(/^[A-Z][a-z]+-ExchangeCertificate .*$/gm)).toEqual([
      `Enable-ExchangeCertificate -Server 'RESEXCH01' -Thumbprint '${fresh.thumbprint}' -Services 'IIS'`,
      `Remove-ExchangeCertificate -Server 'AMS-EXCH01' -Thumbprint '${old.thumbprint}' -Confirm:$false`,
    ]);
    expect(thumbprintsOn('AMS-EXCH01')).toEqual([fresh.thumbprint]);
    const again = local(['apply', 'good.yaml', '--password-env', 'PFX_PW', '--quiet']);
    expect(again).toMatchObject({ code: 0, out: 'Nothing to do: the servers are in the desired state.\n' });
  }, 240_000);

  it('deploy runs on two sessions of the pool, leaves what is there, enables what is missing', () => {
    const r = local([
      'deploy',
      'new.pfx',
      '--servers',
      'AMS-EXCH01,RESEXCH01',
      '--services',
      'IIS,POP',
      '--password-env',
      'PFX_PW',
      '--throttle',
      '2',
      '--quiet',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/AMS-EXCH01\s+ok\s+already there\s+POP/);
    expect(r.out).toMatch(/RESEXCH01\s+ok\s+already there\s+POP/);
    const services = readState().servers.map((s) => `${s.name}: ${s.certificates.map((c) => c.services).join(' | ')}`);
    expect(services).toEqual(['AMS-EXCH01: IIS, SMTP, POP', 'RESEXCH01: IIS, POP']);
  }, 240_000);
});
