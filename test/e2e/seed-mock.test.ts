// The seed runbook through `exchcert run` on the mock, split at the vendor step, checked with openssl.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { seedCaIssueArgs } from './support/mock-cli.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'exchcert.js');

function exchcert(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function openssl(args: string[], input?: string): string {
  return execFileSync('openssl', args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

const fingerprint = (pemOrFile: string, isFile = true) =>
  openssl(
    ['x509', '-noout', '-fingerprint', '-sha1', ...(isFile ? ['-in', pemOrFile] : [])],
    isFile ? undefined : pemOrFile,
  )
    .trim()
    .split('=')[1]!
    .replace(/:/g, '');

const PART_ONE = `$RequestData = New-ExchangeCertificate -GenerateRequest -Server AMS-EXCH01 -SubjectName "c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl" -DomainName webmail.exchangefun.nl, autodiscover.exchangefun.nl -PrivateKeyExportable $true
Set-Content -path "C:\\install\\ssl-request.req" -value $RequestData
`;

const PART_TWO = `$Data = [Byte[]]$(Get-Content -Path "c:\\install\\webmail_exchangefun_nl.cer" -Encoding byte -ReadCount 0)
$Cert = Import-ExchangeCertificate -Server AMS-EXCH01 -FileData $Data
Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint $Cert.Thumbprint | Enable-ExchangeCertificate -Server AMS-EXCH01 -Services IIS
Export-ExchangeCertificate -Thumbprint $Cert.Thumbprint -FileName "C:\\Install\\webmail_exchangefun_nl.pfx" -BinaryEncoded -Password (ConvertTo-SecureString -String 'Pass1word' -AsPlainText -Force)
Import-ExchangeCertificate -Server RESEXCH01 -FileData ([Byte[]]$(Get-Content -Path c:\\install\\webmail_exchangefun_nl.pfx -Encoding byte -ReadCount 0)) -Password (ConvertTo-SecureString -String 'Pass1word' -AsPlainText -Force)
`;

describe('the seed lifecycle through exchcert run on the mock (openssl as the independent check)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exchcert-seed-'));
  const state = join(dir, 'state');
  const install = join(state, 'fs', 'C', 'install');
  let issuedThumbprint = '';
  let partTwo: { ok: boolean; statements: { line: number; output: Record<string, unknown>[]; errors: unknown[] }[] };

  beforeAll(() => {
    mkdirSync(install, { recursive: true }); // the admin's C:\install
    writeFileSync(join(dir, 'part1.ps1'), PART_ONE);
    writeFileSync(join(dir, 'part2.ps1'), PART_TWO);
    const one = exchcert(['run', join(dir, 'part1.ps1'), '--backend', 'mock', '--state', state]);
    expect(one).toMatchObject({ code: 0, err: '' });
    const ca = exchcert(seedCaIssueArgs(state));
    expect(ca).toMatchObject({ code: 0, err: '' });
    issuedThumbprint = /thumbprint ([0-9A-F]{40})/.exec(ca.out)![1]!;
    const two = exchcert(['run', join(dir, 'part2.ps1'), '--backend', 'mock', '--state', state, '--json']);
    expect(two.err).toBe('');
    expect(two.code).toBe(0);
    partTwo = JSON.parse(two.out);
  }, 120_000);

  it('writes a request that passes openssl req -verify, with the subject and names asked for', () => {
    const req = join(install, 'ssl-request.req');
    const text = readFileSync(req, 'latin1');
    expect(text.startsWith('-----BEGIN NEW CERTIFICATE REQUEST-----\r\n')).toBe(true);
    const verify = spawnSync('openssl', ['req', '-verify', '-noout', '-in', req], { encoding: 'utf8' });
    expect(verify.status).toBe(0);
    expect(`${verify.stdout}${verify.stderr}`).toMatch(/verify OK/i);
    const shown = openssl(['req', '-noout', '-text', '-in', req]);
    expect(shown).toMatch(/CN\s*=\s*webmail\.exchangefun\.nl/);
    expect(shown).toMatch(/DNS:webmail\.exchangefun\.nl, DNS:autodiscover\.exchangefun\.nl/);
  });

  it('completes the request: the imported certificate is the issued one, with its key, bound to IIS', () => {
    expect(partTwo.ok).toBe(true);
    const imported = partTwo.statements.find((s) => s.line === 2)!.output;
    expect(imported).toEqual([]); // assigned to $Cert
    expect(issuedThumbprint).toBe(fingerprint(join(install, 'webmail_exchangefun_nl.cer')));
    const check = exchcert(
      ['run', '-', '--state', state, '--json'],
      `Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${issuedThumbprint}\nGet-ExchangeCertificate -Server RESEXCH01 -Thumbprint ${issuedThumbprint}`,
    );
    const [ams, res] = JSON.parse(check.out).statements.map((s: { output: Record<string, unknown>[] }) => s.output[0]);
    expect(ams).toMatchObject({
      Thumbprint: issuedThumbprint,
      HasPrivateKey: true,
      Status: 'Valid',
      RootCAType: 'ThirdParty',
    });
    expect(String(ams.Services)).toContain('IIS');
    expect(ams.IISServices).toEqual(expect.arrayContaining([expect.stringMatching(/W3SVC\/1$/)]));
    expect(res).toMatchObject({ Thumbprint: issuedThumbprint, HasPrivateKey: true });
  });

  it('exports a PFX that openssl opens with the password, holding a key that matches the certificate', () => {
    const pfx = join(install, 'webmail_exchangefun_nl.pfx');
    const pem = openssl(['pkcs12', '-in', pfx, '-passin', 'pass:Pass1word', '-nodes']);
    const cert = pem.slice(pem.indexOf('-----BEGIN CERTIFICATE-----'), pem.indexOf('-----END CERTIFICATE-----') + 25);
    const key = pem.slice(pem.indexOf('-----BEGIN PRIVATE KEY-----'), pem.indexOf('-----END PRIVATE KEY-----') + 25);
    expect(fingerprint(cert, false)).toBe(issuedThumbprint);
    const certModulus = openssl(['x509', '-noout', '-modulus'], cert);
    const keyModulus = openssl(['rsa', '-noout', '-modulus'], key);
    expect(keyModulus).toBe(certModulus);
    expect(
      spawnSync('openssl', ['pkcs12', '-in', pfx, '-passin', 'pass:wrong', '-nodes'], { encoding: 'utf8' }).status,
    ).not.toBe(0);
  });

  it('every thumbprint the mock shows equals openssl x509 -fingerprint -sha1 of the certificate', () => {
    const r = exchcert(
      ['run', '-', '--state', state, '--json'],
      'Get-ExchangeCertificate -Server AMS-EXCH01 | Select-Object Thumbprint, RawData',
    );
    const rows = JSON.parse(r.out).output as {
      Thumbprint: string;
      RawData: { kind: string; base64: string } | number[];
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      const raw = Array.isArray(row.RawData) ? Buffer.from(row.RawData) : Buffer.from(row.RawData.base64, 'base64');
      const pem = `-----BEGIN CERTIFICATE-----\n${raw.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
      expect(fingerprint(pem, false)).toBe(row.Thumbprint);
    }
  });
});
