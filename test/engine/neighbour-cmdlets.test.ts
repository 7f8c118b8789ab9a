// The neighbouring cmdlets on the simulated organization: servers, the Auth certificate rollover, connectors' TLS
// certificate names checked against the servers, POP3/IMAP4 certificate names (docs/reference/NEIGHBOURS.md).
import { describe, expect, it } from '@jest/globals';
import { authConfigOf } from '../../src/engine/org-state.js';
import type { ExchangeCertificate } from '../../src/spec/output/exchange-certificate.js';
import { BASE_TIME, byFriendlyName, testOrg } from './support/test-org.js';
import type { TestOrg } from './support/test-org.js';

const HOUR = 3_600_000;

async function newCert(org: TestOrg, parameters: Record<string, unknown> = {}): Promise<ExchangeCertificate> {
  const r = await org.run('New-ExchangeCertificate', {
    services: ['None'],
    domainName: ['mail.contoso.com'],
    ...parameters,
  });
  expect(r.errors).toEqual([]);
  return r.output[0] as ExchangeCertificate;
}

const auth = (org: TestOrg) => org.store.read((tx) => authConfigOf(tx.getOrgConfig()));

describe('Get-ExchangeServer', () => {
  it('lists every server with Name, Fqdn, AdminDisplayVersion, ServerRole and Edition; -Identity picks one', async () => {
    const org = await testOrg([
      { name: 'AMS-EXCH01', fqdn: 'AMS-EXCH01.labs.local', exchange: '2013' },
      { name: 'RESEXCH01', fqdn: 'RESEXCH01.labs.local', exchange: '2010' },
      { name: 'EX19', fqdn: 'EX19.labs.local', exchange: '2019-CU14' },
    ]);
    const all = (await org.run('Get-ExchangeServer')).output as Record<string, unknown>[];
    expect(all.map((s) => [s.Name, s.Fqdn, s.AdminDisplayVersion, s.ServerRole, s.Edition])).toEqual([
      ['AMS-EXCH01', 'AMS-EXCH01.labs.local', 'Version 15.0 (Build 1497.2)', 'Mailbox, ClientAccess', 'Standard'],
      [
        'RESEXCH01',
        'RESEXCH01.labs.local',
        'Version 14.3 (Build 123.4)',
        'Mailbox, ClientAccess, HubTransport',
        'Standard',
      ],
      ['EX19', 'EX19.labs.local', 'Version 15.2 (Build 1544.4)', 'Mailbox', 'Standard'],
    ]);
    const one = await org.run('Get-ExchangeServer', { identity: 'ex19.labs.local' });
    expect((one.output as Record<string, unknown>[]).map((s) => s.Name)).toEqual(['EX19']);
    const missing = await org.run('Get-ExchangeServer', { identity: 'NOPE' });
    expect(missing.errors[0]!.message).toBe(
      "The operation couldn't be performed because object 'NOPE' couldn't be found on 'DC01.labs.local'.",
    );
  });
});

describe('Get-/Set-AuthConfig', () => {
  it("starts with the setup-made Auth certificate as current and Exchange's ServiceName", async () => {
    const org = await testOrg();
    const out = (await org.run('Get-AuthConfig')).output[0] as Record<string, unknown>;
    const setupAuth = byFriendlyName(await org.get(), 'Microsoft Exchange Server Auth Certificate');
    expect(out).toMatchObject({
      CurrentCertificateThumbprint: setupAuth.Thumbprint,
      PreviousCertificateThumbprint: null,
      NextCertificateThumbprint: null,
      NextCertificateEffectiveDate: null,
      ServiceName: '00000002-0000-0ff1-ce00-000000000000',
    });
  });

  it('the documented renewal: next with an effective date, -PublishCertificate rolls over, -ClearPreviousCertificate clears', async () => {
    const org = await testOrg();
    const old = auth(org).currentCertificateThumbprint;
    // The SMTP question ("Overwrite the existing default SMTP certificate?") is answered N, as the documentation says.
    const made = await org.run(
      'New-ExchangeCertificate',
      {
        keySize: 2048,
        privateKeyExportable: true,
        subjectName: 'cn= Microsoft Exchange Server Auth Certificate',
        domainName: [],
        services: ['SMTP'],
      },
      { answers: ['N'] },
    );
    const cert = made.output[0] as ExchangeCertificate;
    const soon = new Date(BASE_TIME.getTime() + HOUR);
    // Less than 48 hours ahead: asked (ShouldContinue); N changes nothing, Y sets the next certificate.
    const no = await org.run(
      'Set-AuthConfig',
      { newCertificateThumbprint: cert.Thumbprint, newCertificateEffectiveDate: soon },
      { answers: ['N'] },
    );
    expect(no.prompts.map((p) => p.kind)).toEqual(['ShouldContinue']);
    expect(auth(org).nextCertificateThumbprint).toBeNull();
    await org.run(
      'Set-AuthConfig',
      { newCertificateThumbprint: cert.Thumbprint, newCertificateEffectiveDate: soon },
      { answers: ['Y'] },
    );
    expect(auth(org)).toMatchObject({
      currentCertificateThumbprint: old,
      nextCertificateThumbprint: cert.Thumbprint,
      nextCertificateEffectiveDate: soon.toISOString(),
    });
    const published = await org.run('Set-AuthConfig', { publishCertificate: true });
    expect(published.errors).toEqual([]);
    expect(auth(org)).toMatchObject({
      currentCertificateThumbprint: cert.Thumbprint,
      previousCertificateThumbprint: old,
      nextCertificateThumbprint: null,
      nextCertificateEffectiveDate: null,
    });
    expect(org.store.read((tx) => tx.getOrgConfig().authCertificateThumbprint)).toBe(cert.Thumbprint);
    await org.run('Set-AuthConfig', { clearPreviousCertificate: true });
    expect(auth(org).previousCertificateThumbprint).toBeNull();
  });

  it('-Force or a date 48 hours ahead asks nothing; the new certificate is deployed to the other 2013+ servers, not to 2010', async () => {
    const org = await testOrg([
      { name: 'AMS-EXCH01', fqdn: 'AMS-EXCH01.labs.local', exchange: '2013' },
      { name: 'EX16', fqdn: 'EX16.labs.local', exchange: '2016' },
      { name: 'RESEXCH01', fqdn: 'RESEXCH01.labs.local', exchange: '2010' },
    ]);
    const cert = await newCert(org, { domainName: [], subjectName: 'CN=Microsoft Exchange Server Auth Certificate' });
    const later = new Date(BASE_TIME.getTime() + 72 * HOUR);
    const r = await org.run('Set-AuthConfig', {
      newCertificateThumbprint: cert.Thumbprint,
      newCertificateEffectiveDate: later,
    });
    expect(r.prompts).toEqual([]);
    expect(r.errors).toEqual([]);
    const has = (server: string) => org.store.read((tx) => tx.getCertificate(server, cert.Thumbprint) !== undefined);
    expect([has('AMS-EXCH01'), has('EX16'), has('RESEXCH01')]).toEqual([true, true, false]);
    const forced = await org.run('Set-AuthConfig', {
      newCertificateThumbprint: cert.Thumbprint,
      newCertificateEffectiveDate: new Date(BASE_TIME.getTime()),
      force: true,
    });
    expect(forced.prompts).toEqual([]);
  });

  it('refuses a certificate the server lacks and -PublishCertificate without a next certificate; nothing changes', async () => {
    const org = await testOrg();
    const before = org.snapshot();
    const missing = await org.run('Set-AuthConfig', {
      newCertificateThumbprint: '1234567890ABCDEF1234567890ABCDEF12345678',
      force: true,
    });
    expect(missing.errors[0]!.message).toMatch(
      /^The certificate with thumbprint 1234567890ABCDEF1234567890ABCDEF12345678 wasn't found .* on server AMS-EXCH01\./,
    );
    const publish = await org.run('Set-AuthConfig', { publishCertificate: true });
    expect(publish.errors[0]!.message).toMatch(/^There is no next certificate in the Auth configuration/);
    expect(org.snapshot()).toBe(before);
  });

  it('-WhatIf changes nothing and says what it would do', async () => {
    const org = await testOrg();
    const cert = await newCert(org);
    const before = auth(org);
    const r = await org.run('Set-AuthConfig', { newCertificateThumbprint: cert.Thumbprint, force: true, whatIf: true });
    expect(r.hostLines).toEqual(['What if: Configuring Auth Configuration "Auth Configuration".']);
    expect(auth(org)).toEqual(before);
  });
});

describe('Get-/Set-SendConnector and Get-/Set-ReceiveConnector', () => {
  it("TlsCertificateName is set from a certificate on the connector's server and shown by Get", async () => {
    const org = await testOrg();
    const cert = await newCert(org);
    const name = `<I>${cert.Issuer}<S>${cert.Subject}`;
    const r = await org.run('Set-ReceiveConnector', {
      identity: 'AMS-EXCH01\\Default AMS-EXCH01',
      tlsCertificateName: name,
      fqdn: 'mail.contoso.com',
    });
    expect(r.errors).toEqual([]);
    const got = (await org.run('Get-ReceiveConnector', { server: 'AMS-EXCH01' })).output as Record<string, unknown>[];
    expect(got.map((c) => [c.Identity, c.Fqdn, c.TlsCertificateName])).toEqual([
      ['AMS-EXCH01\\Default AMS-EXCH01', 'mail.contoso.com', name],
    ]);
    expect(String(got[0]!['__ToString'])).toBe('AMS-EXCH01\\Default AMS-EXCH01');
  });

  it('refuses a TlsCertificateName a server lacks (Send: every source transport server) and a malformed one; nothing changes', async () => {
    const org = await testOrg();
    const cert = await newCert(org);
    const before = org.snapshot();
    const send = await org.run('Set-SendConnector', {
      identity: 'Internet',
      tlsCertificateName: `<I>${cert.Issuer}<S>${cert.Subject}`,
    });
    expect(send.errors[0]!.message).toBe(
      `The certificate specified by TlsCertificateName '<I>${cert.Issuer}<S>${cert.Subject}' wasn't found on server RESEXCH01. Install a certificate with that issuer and subject on the server first.`,
    );
    const receive = await org.run('Set-ReceiveConnector', {
      identity: 'RESEXCH01\\Default RESEXCH01',
      tlsCertificateName: `<I>${cert.Issuer}<S>${cert.Subject}`,
    });
    expect(receive.errors[0]!.message).toMatch(/wasn't found on server RESEXCH01/);
    const bad = await org.run('Set-ReceiveConnector', {
      identity: 'AMS-EXCH01\\Default AMS-EXCH01',
      tlsCertificateName: 'CN=mail.contoso.com',
    });
    expect(bad.errors[0]!.message).toMatch(/isn't a valid TlsCertificateName/);
    const unknown = await org.run('Set-SendConnector', { identity: 'Nope', enabled: false });
    expect(unknown.errors[0]!.message).toMatch(/object 'Nope' couldn't be found/);
    expect(org.snapshot()).toBe(before);
  });

  it('$null clears TlsCertificateName; other parameters keep it', async () => {
    const org = await testOrg();
    const cert = await newCert(org);
    const name = `<I>${cert.Issuer}<S>${cert.Subject}`;
    await org.run('Set-ReceiveConnector', { identity: 'Default AMS-EXCH01', tlsCertificateName: name });
    await org.run('Set-ReceiveConnector', { identity: 'Default AMS-EXCH01', comment: 'TLS' });
    const tls = async () =>
      ((await org.run('Get-ReceiveConnector', { identity: 'Default AMS-EXCH01' })).output[0] as Record<string, unknown>)
        .TlsCertificateName;
    expect(await tls()).toBe(name);
    await org.run('Set-ReceiveConnector', { identity: 'Default AMS-EXCH01', tlsCertificateName: null });
    expect(await tls()).toBeNull();
  });
});

describe('Get-/Set-PopSettings and Get-/Set-ImapSettings', () => {
  it('show X509CertificateName (set by setup, by Enable -Services POP/IMAP and by Set-*Settings) and warn about the restart', async () => {
    const org = await testOrg();
    const pop = async () =>
      ((await org.run('Get-PopSettings')).output[0] as Record<string, unknown>).X509CertificateName;
    const imap = async () =>
      ((await org.run('Get-ImapSettings', { server: 'AMS-EXCH01' })).output[0] as Record<string, unknown>)
        .X509CertificateName;
    expect([await pop(), await imap()]).toEqual(['AMS-EXCH01.labs.local', 'AMS-EXCH01.labs.local']);
    const cert = await newCert(org, { domainName: ['pop.contoso.com'] });
    await org.run('Enable-ExchangeCertificate', { thumbprint: cert.Thumbprint, services: ['POP'] });
    expect(await pop()).toBe('pop.contoso.com');
    const set = await org.run('Set-ImapSettings', { x509CertificateName: 'imap.contoso.com' });
    expect(set.warnings).toEqual([
      'Changes to IMAP4 settings will only take effect after all Microsoft Exchange IMAP4 services are restarted on server AMS-EXCH01.',
    ]);
    expect(await imap()).toBe('imap.contoso.com');
  });
});

describe('Get-ClientAccessService', () => {
  it('lists servers running client access with their Autodiscover URI', async () => {
    const org = await testOrg([
      { name: 'EX16', fqdn: 'EX16.labs.local', exchange: '2016' },
      { name: 'EX13MBX', fqdn: 'EX13MBX.labs.local', exchange: '2013', roles: ['Mailbox'] },
    ]);
    const out = (await org.run('Get-ClientAccessService')).output as Record<string, unknown>[];
    expect(out.map((o) => [o.Name, o.AutoDiscoverServiceInternalUri])).toEqual([
      ['EX16', 'https://EX16.labs.local/Autodiscover/Autodiscover.xml'],
    ]);
  });
});
