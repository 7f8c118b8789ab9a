// The admin's workflows through the built CLI (node bin/exchcert.js) on the mock: renew (resumed), deploy, report,
// plan/apply (with a failure in the middle), config, and bad input everywhere.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { bin, cliEnv, tempDir } from './support/mock-cli.js';

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function cli(cwd: string, args: readonly string[], env: Record<string, string> = {}, input?: string): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    input,
    env: { ...cliEnv(), PFX_PW: 'Pass1word', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function journal(cwd: string): { renewals: Record<string, { requestThumbprint: string; done: string[] }> } {
  return JSON.parse(readFileSync(join(cwd, '.exchcert', 'workflows.json'), 'utf8'));
}

const RENEW = [
  'renew',
  '--server',
  'AMS-EXCH01',
  '--subject-name',
  'CN=mail.contoso.com',
  '--domain-name',
  'mail.contoso.com,autodiscover.contoso.com',
  '--services',
  'IIS,SMTP',
  '--password-env',
  'PFX_PW',
];

interface ReportJson {
  servers: {
    server: string;
    smtp: string[];
    iis: string[];
    certificates: { thumbprint: string; services: string[]; status: string }[];
  }[];
}

describe('exchcert renew on the mock', () => {
  it('writes the request and waits, then completes the remembered request with --certificate-file', () => {
    const cwd = tempDir('exchcert-renew-');
    const first = cli(cwd, RENEW);
    expect(first.code).toBe(3);
    expect(first.out).toContain(
      "New-ExchangeCertificate -GenerateRequest -Server 'AMS-EXCH01' -SubjectName 'CN=mail.contoso.com'",
    );
    expect(first.out).toContain("Waiting for the vendor's certificate for request");
    const pending = Object.values(journal(cwd).renewals)[0]!;
    expect(pending.done).toEqual(['request']);
    expect(readFileSync(join(cwd, 'mail_contoso_com.req'), 'utf8')).toMatch(/^-----BEGIN NEW CERTIFICATE REQUEST-----/);
    const issued = cli(cwd, ['ca', 'issue', 'mail_contoso_com.req', '--out', 'mail.cer']);
    expect(issued.code).toBe(0);
    const thumbprint = /thumbprint ([0-9A-F]{40})/.exec(issued.out)![1]!;
    const second = cli(cwd, [
      ...RENEW,
      '--certificate-file',
      'mail.cer',
      '--also-on',
      'RESEXCH01',
      '--log-file',
      'renew.log',
      '-v',
    ]);
    expect(second.err).toBe('');
    expect(second.code).toBe(0);
    // Resumed: no second request; the import completes the pending one.
    expect(second.out).not.toContain('New-ExchangeCertificate');
    expect(second.out.match(/^[A-Z][a-z]+-ExchangeCertificate .*$/gm)).toEqual([
      "Import-ExchangeCertificate -Server 'AMS-EXCH01' -FileData $ExchcertFileData",
      `Enable-ExchangeCertificate -Server 'AMS-EXCH01' -Thumbprint '${thumbprint}' -Services 'IIS','SMTP' -Force`,
      `Export-ExchangeCertificate -Server 'AMS-EXCH01' -Thumbprint '${thumbprint}' -BinaryEncoded -Password $ExchcertPassword`,
      "Import-ExchangeCertificate -Server 'RESEXCH01' -FileData $ExchcertFileData -Password $ExchcertPassword",
      `Enable-ExchangeCertificate -Server 'RESEXCH01' -Thumbprint '${thumbprint}' -Services 'IIS','SMTP' -Force`,
    ]);
    expect(journal(cwd).renewals).toEqual({});
    expect(existsSync(join(cwd, 'mail_contoso_com.pfx'))).toBe(true);
    // Every executed line logged, redacted: no password anywhere in the log.
    const log = readFileSync(join(cwd, 'renew.log'), 'utf8');
    expect(log).toContain('"command":"Export-ExchangeCertificate');
    expect(log).not.toContain('Pass1word');
    const report = JSON.parse(cli(cwd, ['report', '--json']).out) as ReportJson;
    for (const s of report.servers)
      expect(s.certificates.find((c) => c.thumbprint === thumbprint)).toMatchObject({
        status: 'Valid',
        services: expect.arrayContaining(['IIS', 'SMTP']),
      });
  });
  it('renews at once with --ca mock; --what-if changes nothing', () => {
    const cwd = tempDir('exchcert-renew-');
    const whatIf = cli(cwd, [...RENEW, '--ca', 'mock', '--what-if']);
    expect(whatIf.code).toBe(0);
    expect(whatIf.out).toContain('(what-if)');
    expect(existsSync(join(cwd, '.exchcert', 'workflows.json'))).toBe(false);
    const r = cli(cwd, [...RENEW, '--ca', 'mock', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      status: 'completed',
      resumed: false,
      thumbprint: expect.stringMatching(/^[0-9A-F]{40}$/),
    });
  });
});

describe('exchcert deploy, plan and apply on the mock', () => {
  let cwd: string;
  let thumbprint: string;
  beforeAll(() => {
    // A PFX made on another mock state (its vendor CA is unknown here: Status Untrusted, which deploy does not mind).
    const maker = tempDir('exchcert-pfx-');
    const made = cli(maker, [...RENEW, '--ca', 'mock', '--json']);
    thumbprint = JSON.parse(made.out).thumbprint;
    cwd = tempDir('exchcert-deploy-');
    writeFileSync(join(cwd, 'new.pfx'), readFileSync(join(maker, 'mail_contoso_com.pfx')));
  });
  it('deploy imports and enables on every server, a summary table, exit 1 when one failed', () => {
    const ok = cli(cwd, [
      'deploy',
      'new.pfx',
      '--servers',
      'AMS-EXCH01,RESEXCH01',
      '--services',
      'IIS',
      '--password-env',
      'PFX_PW',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/AMS-EXCH01\s+ok\s+yes\s+IIS/);
    expect(ok.out).toMatch(/RESEXCH01\s+ok\s+yes\s+IIS/);
    const again = cli(cwd, [
      'deploy',
      'new.pfx',
      '--servers',
      'AMS-EXCH01',
      '--services',
      'IIS',
      '--password-env',
      'PFX_PW',
    ]);
    expect(again.out).toMatch(/AMS-EXCH01\s+ok\s+already there\s+-/);
    const whatIf = cli(cwd, [
      'deploy',
      'new.pfx',
      '--servers',
      'AMS-EXCH01',
      '--services',
      'POP',
      '--password-env',
      'PFX_PW',
      '--what-if',
    ]);
    expect(whatIf.out).toMatch(/AMS-EXCH01\s+what-if\s+already there\s+POP/);
    expect(whatIf.out).toContain("# enable on AMS-EXCH01 (what-if)\nEnable-ExchangeCertificate -Server 'AMS-EXCH01'");
    // UM: RESEXCH01 has no UM role, AMS-EXCH01's UM runs in TCP mode; both refuse, each server is tried.
    const failed = cli(cwd, [
      'deploy',
      'new.pfx',
      '--servers',
      'AMS-EXCH01,RESEXCH01',
      '--services',
      'UM',
      '--password-env',
      'PFX_PW',
      '--quiet',
    ]);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/AMS-EXCH01\s+FAILED\s+enable failed on AMS-EXCH01: .*UMStartupMode is TCP/);
    expect(failed.out).toMatch(
      /RESEXCH01\s+FAILED\s+enable failed on RESEXCH01: .*role that provides one of them isn't installed/,
    );
  });
  it('plan prints import -> enable -> remove; apply stops at the first failure and says what was and was not done; a fixed file applies once', () => {
    const own = tempDir('exchcert-apply-');
    writeFileSync(join(own, 'new.pfx'), readFileSync(join(cwd, 'new.pfx')));
    expect(cli(own, [...RENEW, '--ca', 'mock']).code).toBe(0); // an old certificate for the same names on AMS-EXCH01
    const desired = (resServices: string) =>
      `servers:\n  - name: AMS-EXCH01\n    certificate: { pfx: ./new.pfx }\n    services: [IIS, SMTP]\n    removeOld: true\n` +
      `  - name: RESEXCH01\n    certificate: { pfx: ./new.pfx }\n    services: [${resServices}]\n`;
    writeFileSync(join(own, 'bad.yaml'), desired('IIS, UM'));
    const plan = cli(own, ['plan', 'bad.yaml', '--password-env', 'PFX_PW', '--json']);
    expect(plan.code).toBe(0);
    const steps = (JSON.parse(plan.out) as { actions: { server: string; step: string; line: string }[] }).actions.map(
      (a) => `${a.step} ${a.server}`,
    );
    expect(steps).toEqual([
      'import AMS-EXCH01',
      'import RESEXCH01',
      'enable AMS-EXCH01',
      'enable RESEXCH01',
      'remove AMS-EXCH01',
    ]);
    const apply = cli(own, ['apply', 'bad.yaml', '--password-env', 'PFX_PW', '--quiet']);
    expect(apply.code).toBe(1);
    expect(apply.out).toContain('Stopped: enable failed on RESEXCH01');
    expect(apply.out).toContain('Done (3):\n  import on AMS-EXCH01\n  import on RESEXCH01\n  enable on AMS-EXCH01\n');
    expect(apply.out).toContain('Not done (2):\n  enable on RESEXCH01 (failed)\n  remove on AMS-EXCH01\n');
    writeFileSync(join(own, 'good.yaml'), desired('IIS'));
    const rest = cli(own, ['plan', 'good.yaml', '--password-env', 'PFX_PW']);
    expect(rest.out.match(/^# .*$/gm)).toEqual(['# enable on RESEXCH01', '# remove on AMS-EXCH01']);
    expect(cli(own, ['apply', 'good.yaml', '--password-env', 'PFX_PW']).code).toBe(0);
    const second = cli(own, ['apply', 'good.yaml', '--password-env', 'PFX_PW']);
    expect(second).toMatchObject({ code: 0, out: 'Nothing to do: the servers are in the desired state.\n' });
    const report = JSON.parse(cli(own, ['report', '--json', '--servers', 'AMS-EXCH01']).out) as ReportJson;
    expect(
      report.servers[0]!.certificates.filter((c) => c.services.includes('IIS')).map((c) => c.thumbprint),
    ).toContain(thumbprint);
    expect(report.servers[0]!.certificates.filter((c) => /mail\.contoso\.com/.test(JSON.stringify(c)))).toHaveLength(1);
  });
  it('plan refuses to remove a certificate a connector names, and apply then runs nothing', () => {
    const own = tempDir('exchcert-refuse-');
    writeFileSync(join(own, 'new.pfx'), readFileSync(join(cwd, 'new.pfx')));
    // The old certificate's subject differs from the new one's, so a connector naming it does not match the new one.
    const oldRenew = RENEW.map((a) => (a === 'CN=mail.contoso.com' ? 'CN=autodiscover.contoso.com' : a));
    const old = JSON.parse(cli(own, [...oldRenew, '--ca', 'mock', '--json']).out);
    expect(old.status).toBe('completed');
    const report = JSON.parse(cli(own, ['report', '--json']).out) as {
      servers: { certificates: { thumbprint: string; tlsCertificateName: string }[] }[];
    };
    const tls = report.servers[0]!.certificates.find((c) => c.thumbprint === old.thumbprint)!.tlsCertificateName;
    expect(cli(own, ['mock', 'set-send-connector', 'Internet', '--tls-certificate-name', tls]).code).toBe(0);
    writeFileSync(
      join(own, 'd.json'),
      JSON.stringify({
        servers: [{ name: 'AMS-EXCH01', certificate: { pfx: 'new.pfx' }, services: ['IIS', 'SMTP'], removeOld: true }],
      }),
    );
    const plan = cli(own, ['plan', 'd.json', '--password-env', 'PFX_PW']);
    expect(plan.code).toBe(1);
    expect(plan.out).toContain(
      `# refused: not removing ${old.thumbprint} on AMS-EXCH01: Send connector 'Internet' names it in TlsCertificateName`,
    );
    const apply = cli(own, ['apply', 'd.json', '--password-env', 'PFX_PW']);
    expect(apply.code).toBe(1);
    expect(apply.out).toContain('Nothing was run');
    expect(
      JSON.parse(cli(own, ['report', '--json']).out).servers[0].certificates.some(
        (c: { thumbprint: string }) => c.thumbprint === thumbprint,
      ),
    ).toBe(false);
  });
});

describe('exchcert plan/apply with the request/CA form on the mock', () => {
  it('plans request -> issue -> import -> enable, applies it, then has nothing to do', () => {
    const cwd = tempDir('exchcert-request-form-');
    writeFileSync(
      join(cwd, 'desired.yaml'),
      'servers:\n  - name: RESEXCH01\n    certificate:\n' +
        '      request: { subjectName: CN=owa.contoso.com, domainNames: [owa.contoso.com] }\n      ca: mock\n' +
        '    services: [IIS]\n',
    );
    const plan = cli(cwd, ['plan', 'desired.yaml', '--password-env', 'PFX_PW']);
    expect(plan.code).toBe(0);
    expect(plan.out.match(/^# .*$/gm)).toEqual([
      '# request on RESEXCH01',
      '# issue on RESEXCH01',
      '# the mock CA issues the certificate for this request',
      '# import on RESEXCH01',
      '# enable on RESEXCH01',
    ]);
    expect(plan.out).toContain(
      "Enable-ExchangeCertificate -Server 'RESEXCH01' -Thumbprint $ExchcertThumbprint -Services 'IIS'",
    );
    const apply = cli(cwd, ['apply', 'desired.yaml', '--password-env', 'PFX_PW', '--quiet']);
    expect(apply.code).toBe(0);
    expect(apply.out).toContain('Applied 4 steps.');
    const again = cli(cwd, ['apply', 'desired.yaml', '--password-env', 'PFX_PW']);
    expect(again).toMatchObject({ code: 0, out: 'Nothing to do: the servers are in the desired state.\n' });
    const report = JSON.parse(cli(cwd, ['report', '--json', '--servers', 'RESEXCH01']).out) as ReportJson;
    const owa = report.servers[0]!.certificates.filter(
      (c) => (c as { subject?: string }).subject === 'CN=owa.contoso.com',
    );
    expect(owa).toHaveLength(1);
    expect(report.servers[0]!.iis).toEqual([owa[0]!.thumbprint]);
  });
});

describe('exchcert config and bad input', () => {
  it('config shows what is in force and from where', () => {
    const cwd = tempDir('exchcert-config-');
    writeFileSync(join(cwd, 'exchcert.config.json'), '{ "state": "ops-state" }');
    const r = cli(cwd, ['config'], { EXCHCERT_BACKEND: 'mock' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/backend\s+mock\s+environment\s+EXCHCERT_BACKEND/);
    expect(r.out).toMatch(/state\s+\S+ops-state\s+config\s+exchcert\.config\.json/);
    const j = JSON.parse(cli(cwd, ['config', '--json', '--state', 'x']).out);
    expect(j.state).toEqual({ value: join(cwd, 'x'), source: 'option', origin: '--state' });
  });
  it('gives one clear line and a non-zero exit, never a stack trace', () => {
    const cwd = tempDir('exchcert-bad-');
    writeFileSync(
      join(cwd, 'bad.yaml'),
      'servers:\n  - name: AMS-EXCH01\n    certificate: { pfx: x.pfx }\n    services: [IIS, WWW]\n',
    );
    writeFileSync(join(cwd, 'broken.yaml'), 'servers:\n  - name: [\n');
    writeFileSync(join(cwd, 'unknown.yaml'), 'servers:\n  - name: NOPE01\n    certificate: { pfx: x.pfx }\n');
    const badConfig = tempDir('exchcert-bad-config-');
    writeFileSync(join(badConfig, 'exchcert.config.json'), '{ "backend": 7 }');
    const cases: [string[], RegExp, string?][] = [
      [['report', '--bogus'], /Unknown argument: bogus/],
      [
        ['plan', 'bad.yaml', '--password-env', 'PFX_PW'],
        /^exchcert: bad\.yaml:4:21: servers\[0\]\.services\[1\]: 'WWW' is not a service/,
      ],
      [['plan', 'broken.yaml', '--password-env', 'PFX_PW'], /^exchcert: broken\.yaml:\d+:\d+: /],
      [
        ['plan', 'unknown.yaml', '--password-env', 'PFX_PW', '--backend', 'mock'],
        /^exchcert: unknown\.yaml:2:11: servers\[0\]\.name: 'NOPE01' is not a server/,
      ],
      [
        ['apply', 'missing.yaml', '--password-env', 'PFX_PW'],
        /^exchcert: Cannot read desired-state file 'missing\.yaml': ENOENT\./,
      ],
      [
        ['deploy', 'missing.pfx', '--servers', 'AMS-EXCH01', '--password-env', 'PFX_PW', '--backend', 'mock'],
        /^exchcert: --pfx 'missing\.pfx' cannot be read on this machine: ENOENT\./,
      ],
      [['enable', '--thumbprint', 'nothex', '--services', 'IIS', '--print'], /40 hexadecimal digits/],
      [
        ['renew', '--server', 'AMS-EXCH01', '--subject-name', 'CN=x', '--domain-name', 'x', '--backend', 'mock'],
        /A PFX password is needed/,
      ],
      [['report', '--backend', 'print'], /--backend 'print' cannot run workflows .*use --what-if/],
      [
        ['report', '--backend', 'nope'],
        /--backend 'nope' is not a backend\. Allowed: mock, local, remote, ssh, sim, print\./,
      ],
      [['report', '--throttle', '0'], /--throttle '0' is not a number of sessions from 1 to 64/],
      [['config'], /exchcert\.config\.json:1:14: backend: must be a backend name/, badConfig],
    ];
    for (const [args, message, dir] of cases) {
      const r = cli(dir ?? cwd, args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});
