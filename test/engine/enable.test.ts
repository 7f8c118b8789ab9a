// Enable-ExchangeCertificate: additive services, checks, questions and warnings (rules 12, 13, 70-81, 106).
import { describe, expect, it } from '@jest/globals';
import { importPrivateKeyPkcs8, writePfx } from '../../src/pki/index.js';
import { secret } from '../../src/node/secret.js';
import { advanceClock, setRequireSsl, setTransportCertificate, setUmStartupMode } from '../../src/engine/index.js';
import type { ExchangeCertificate } from '../../src/spec/output/exchange-certificate.js';
import { bySubject, testOrg } from './support/test-org.js';
import type { TestOrg } from './support/test-org.js';
import { requestAndIssue, trustVendor, vendorCa } from './support/vendor.js';

const RPC = 'A special Rpc error occurs on server AMS-EXCH01: ';

async function newCert(org: TestOrg, parameters: Record<string, unknown> = {}): Promise<ExchangeCertificate> {
  const r = await org.run('New-ExchangeCertificate', {
    services: ['None'],
    domainName: ['mail.contoso.com'],
    ...parameters,
  });
  expect(r.errors).toEqual([]);
  return r.output[0] as ExchangeCertificate;
}

const current = async (org: TestOrg, thumbprint: string, server = 'AMS-EXCH01'): Promise<ExchangeCertificate> =>
  (await org.get({ server, thumbprint }))[0]!;
const config = (org: TestOrg, server = 'AMS-EXCH01') => org.store.read((tx) => tx.getServerConfig(server));

describe('Enable-ExchangeCertificate', () => {
  it('rules 70, 81: services are added to what the certificate already serves; no output', async () => {
    const org = await testOrg();
    const c = await newCert(org);
    const a = await org.run('Enable-ExchangeCertificate', { thumbprint: c.Thumbprint, services: ['IIS'] });
    expect(a.output).toEqual([]);
    expect(a.errors).toEqual([]);
    await org.run('Enable-ExchangeCertificate', { thumbprint: c.Thumbprint, services: ['SMTP'], force: true });
    expect((await current(org, c.Thumbprint)).ServicesStringForm).toBe('...WS..');
  });

  it('rule 13: services are never removed; -Services None is accepted and changes nothing', async () => {
    const org = await testOrg();
    const ex = bySubject(await org.get(), 'CN=AMS-EXCH01');
    const before = org.snapshot();
    const r = await org.run('Enable-ExchangeCertificate', { thumbprint: ex.Thumbprint, services: ['None'] });
    expect(r.errors).toEqual([]);
    expect(org.snapshot()).toBe(before);
    expect((await current(org, ex.Thumbprint)).Services).toBe('IMAP, POP, IIS, SMTP');
  });

  it('rule 71: a pending request cannot be enabled ("not found", ObjectNotFound), state unchanged', async () => {
    const org = await testOrg();
    await org.run('New-ExchangeCertificate', { generateRequest: true, domainName: ['mail.contoso.com'] });
    const pending = (await org.get()).find((c) => c.Status === 'PendingRequest')!;
    const before = org.snapshot();
    const r = await org.run('Enable-ExchangeCertificate', { thumbprint: pending.Thumbprint, services: ['IIS'] });
    expect(r.errors[0]!.message).toBe(`${RPC}The certificate with thumbprint ${pending.Thumbprint} was not found.`);
    expect(r.errors[0]!.category).toBe('ObjectNotFound');
    expect(org.snapshot()).toBe(before);
  });

  it('rule 72: the validity check refuses a certificate that cannot sign (SigningNotSupported) unless -NetworkServiceAllowed', async () => {
    const org = await testOrg();
    const ca = await vendorCa();
    const pfx = writePfx({
      key: importPrivateKeyPkcs8(ca.state.root.privateKeyPem),
      certificate: ca.root.der,
      password: 'pw',
    });
    const imported = (await org.run('Import-ExchangeCertificate', { fileData: pfx, password: secret('pw') }))
      .output[0] as ExchangeCertificate;
    const before = org.snapshot();
    const r = await org.run('Enable-ExchangeCertificate', { thumbprint: imported.Thumbprint, services: ['IIS'] });
    expect(r.errors[0]!.message).toBe(
      `${RPC}The certificate with thumbprint ${imported.Thumbprint} was found but is not valid for use with Exchange Server (reason: SigningNotSupported).`,
    );
    expect(r.errors[0]!.category).toBe('NotSpecified');
    expect(org.snapshot()).toBe(before);
    const nsa = await org.run('Enable-ExchangeCertificate', {
      thumbprint: imported.Thumbprint,
      services: ['None'],
      networkServiceAllowed: true,
    });
    expect(nsa.errors).toEqual([]);
    expect(config(org).networkServiceAcl).toContain(imported.Thumbprint);
  });

  it('rule 73: IIS binds the Default Web Site (Back End keeps its certificate) and keeps Require SSL', async () => {
    const org = await testOrg();
    const old = bySubject(await org.get(), 'CN=AMS-EXCH01');
    const c = await newCert(org);
    const r = await org.run('Enable-ExchangeCertificate', { thumbprint: c.Thumbprint, services: ['IIS'] });
    expect(r.prompts).toEqual([]);
    const sites = config(org).iisSites;
    expect(sites.find((s) => s.id === 1)).toMatchObject({ sslThumbprint: c.Thumbprint, requireSsl: true });
    expect(sites.find((s) => s.id === 2)!.sslThumbprint).toBe(old.Thumbprint);
    expect((await current(org, c.Thumbprint)).IISServices).toEqual(['IIS://AMS-EXCH01/W3SVC/1']);
  });

  it('rule 73: without Require SSL on the site root the server asks first (not answered by -Confirm:$false); -DoNotRequireSsl and -Force skip it', async () => {
    const org = await testOrg();
    setRequireSsl(org.store, 'AMS-EXCH01', false);
    const c = await newCert(org);
    const question =
      "Require SSL isn't set on the root of the Default Web Site. Enabling the certificate for IIS will turn it on. Do you want to continue?";
    const no = await org.run(
      'Enable-ExchangeCertificate',
      { thumbprint: c.Thumbprint, services: ['IIS'], confirm: false },
      { answers: ['N'] },
    );
    expect(no.prompts.map((p) => [p.kind, p.message])).toEqual([['ShouldContinue', question]]);
    expect(config(org).iisSites.find((s) => s.id === 1)!.sslThumbprint).not.toBe(c.Thumbprint);
    await org.run('Enable-ExchangeCertificate', { thumbprint: c.Thumbprint, services: ['IIS'] }, { answers: ['Y'] });
    expect(config(org).iisSites.find((s) => s.id === 1)).toMatchObject({
      sslThumbprint: c.Thumbprint,
      requireSsl: true,
    });
    setRequireSsl(org.store, 'AMS-EXCH01', false);
    const d = await newCert(org, { domainName: ['d.contoso.com'] });
    const skip = await org.run('Enable-ExchangeCertificate', {
      thumbprint: d.Thumbprint,
      services: ['IIS'],
      doNotRequireSsl: true,
    });
    expect(skip.prompts).toEqual([]);
    expect(config(org).iisSites.find((s) => s.id === 1)).toMatchObject({
      sslThumbprint: d.Thumbprint,
      requireSsl: false,
    });
    const e = await newCert(org, { domainName: ['e.contoso.com'] });
    const forced = await org.run('Enable-ExchangeCertificate', {
      thumbprint: e.Thumbprint,
      services: ['IIS'],
      force: true,
    });
    expect(forced.prompts).toEqual([]);
    expect(config(org).iisSites.find((s) => s.id === 1)).toMatchObject({
      sslThumbprint: e.Thumbprint,
      requireSsl: true,
    });
  });

  it('rule 74: POP/IMAP take the first certificate name; a wildcard certificate gets the exact warnings and changes nothing there', async () => {
    const org = await testOrg();
    const c = await newCert(org, { domainName: ['pop.contoso.com', 'imap.contoso.com'] });
    await org.run('Enable-ExchangeCertificate', { thumbprint: c.Thumbprint, services: ['POP', 'IMAP'] });
    expect(config(org).pop3CertificateName).toBe('pop.contoso.com');
    expect(config(org).imap4CertificateName).toBe('pop.contoso.com');
    const w = await newCert(org, { domainName: ['*.contoso.com'] });
    const r = await org.run('Enable-ExchangeCertificate', { thumbprint: w.Thumbprint, services: ['POP', 'IMAP'] });
    expect(r.warnings).toEqual([
      `This certificate with thumbprint ${w.Thumbprint} and subject '*.contoso.com' cannot used for POP SSL/TLS connections because the subject is not a Fully Qualified Domain Name (FQDN). Use command Set-POPSettings to set X509CertificateName to the FQDN of the service.`,
      `This certificate with thumbprint ${w.Thumbprint} and subject '*.contoso.com' cannot used for IMAP SSL/TLS connections because the subject is not a Fully Qualified Domain Name (FQDN). Use command Set-IMAPSettings to set X509CertificateName to the FQDN of the service.`,
    ]);
    expect(config(org).pop3CertificateName).toBe('pop.contoso.com');
  });

  it('rule 75: SMTP asks before replacing the default SMTP certificate; N keeps it, Y and -Force replace it', async () => {
    const org = await testOrg();
    const old = bySubject(await org.get(), 'CN=AMS-EXCH01');
    const c = await newCert(org);
    const no = await org.run(
      'Enable-ExchangeCertificate',
      { thumbprint: c.Thumbprint, services: ['SMTP'] },
      { answers: ['N'] },
    );
    expect(
      no.prompts[0]!.message.startsWith(
        `Overwrite the existing default SMTP certificate?\r\n\r\nCurrent certificate: '${old.Thumbprint}' (expires `,
      ),
    ).toBe(true);
    expect(config(org).transportCertificate).toBe(old.Thumbprint);
    expect((await current(org, c.Thumbprint)).ServicesStringForm).toBe('....S..');
    await org.run('Enable-ExchangeCertificate', { thumbprint: c.Thumbprint, services: ['SMTP'] }, { answers: ['Y'] });
    expect(config(org).transportCertificate).toBe(c.Thumbprint);
    const d = await newCert(org, { domainName: ['d.contoso.com'] });
    const f = await org.run('Enable-ExchangeCertificate', {
      thumbprint: d.Thumbprint,
      services: ['SMTP'],
      force: true,
    });
    expect(f.prompts).toEqual([]);
    expect(config(org).transportCertificate).toBe(d.Thumbprint);
  });

  it('rule 75: warns when a CA-issued certificate takes precedence for a connector FQDN', async () => {
    const org = await testOrg();
    const ca = await vendorCa();
    trustVendor(org, ca);
    const { issued } = await requestAndIssue(org, ca, 'AMS-EXCH01', 'CN=AMS-EXCH01.labs.local', [
      'AMS-EXCH01.labs.local',
    ]);
    await org.run('Import-ExchangeCertificate', { fileData: issued.der });
    const ex = bySubject(await org.get(), 'CN=AMS-EXCH01');
    const r = await org.run('Enable-ExchangeCertificate', { thumbprint: ex.Thumbprint, services: ['SMTP'] });
    expect(r.warnings).toEqual([
      `This certificate will not be used for external TLS connections with an FQDN of 'AMS-EXCH01.labs.local' because the CA-signed certificate with thumbprint '${issued.certificate.thumbprint}' takes precedence. The following connectors match that FQDN: Default AMS-EXCH01.`,
    ]);
  });

  it('rule 76: -NetworkServiceAllowed grants Network Service access, which shows S without making it the default SMTP certificate', async () => {
    const org = await testOrg();
    const old = config(org).transportCertificate;
    const c = await newCert(org, { domainName: ['x.contoso.com'] });
    await org.run('Enable-ExchangeCertificate', {
      thumbprint: c.Thumbprint,
      services: ['None'],
      networkServiceAllowed: true,
    });
    expect((await current(org, c.Thumbprint)).ServicesStringForm).toBe('....S..');
    expect(config(org).transportCertificate).toBe(old);
  });

  it('rule 77: UM needs startup mode TLS/Dual, a valid certificate and an answer; UM does not exist on 2019', async () => {
    const org = await testOrg([
      { name: 'AMS-EXCH01', fqdn: 'AMS-EXCH01.labs.local', exchange: '2013' },
      { name: 'EX19', fqdn: 'EX19.labs.local', exchange: '2019' },
    ]);
    const c = await newCert(org);
    const tcp = await org.run('Enable-ExchangeCertificate', { thumbprint: c.Thumbprint, services: ['UM'] });
    expect(tcp.errors[0]!.message).toBe(
      `${RPC}The certificate with thumbprint ${c.Thumbprint} can't be assigned to the UM service because its UMStartupMode is TCP. Set the startup mode to TLS or Dual first.`,
    );
    expect(tcp.errors[0]!.category).toBe('NotSpecified');
    setUmStartupMode(org.store, 'AMS-EXCH01', 'TLS');
    const asked = await org.run(
      'Enable-ExchangeCertificate',
      { thumbprint: c.Thumbprint, services: ['UM'], confirm: false },
      { answers: ['Y'] },
    );
    expect(asked.prompts.map((p) => p.kind)).toEqual(['ShouldContinue']);
    expect(asked.warnings).toEqual([
      'The certificate for the Unified Messaging service on server AMS-EXCH01 was updated. Restart the Microsoft Exchange Unified Messaging service to use it.',
    ]);
    expect((await current(org, c.Thumbprint)).ServicesStringForm).toBe('..U....');
    advanceClock(org.store, 6 * 365 * 86_400_000);
    const d = await newCert(org, { domainName: ['d.contoso.com'] });
    advanceClock(org.store, 6 * 365 * 86_400_000);
    const expired = await org.run('Enable-ExchangeCertificate', {
      thumbprint: d.Thumbprint,
      services: ['UM'],
      force: true,
    });
    expect(expired.errors[0]!.message).toBe(`${RPC}The certificate with thumbprint ${d.Thumbprint} has expired.`);
    const e19 = bySubject(await org.get({ server: 'EX19' }), 'CN=EX19');
    const r19 = await org.run('Enable-ExchangeCertificate', {
      server: 'EX19',
      thumbprint: e19.Thumbprint,
      services: ['UM'],
    });
    expect(r19.errors[0]!.message).toBe(
      "A special Rpc error occurs on server EX19: The certificate can't be enabled for the requested services because the server role that provides one of them isn't installed on this server.",
    );
    expect(r19.errors[0]!.category).toBe('InvalidArgument');
  });

  it('rule 78: Federation is rejected (InvalidArgument) and nothing changes', async () => {
    const org = await testOrg();
    const ex = bySubject(await org.get(), 'CN=AMS-EXCH01');
    const before = org.snapshot();
    const r = await org.run('Enable-ExchangeCertificate', {
      thumbprint: ex.Thumbprint,
      services: ['IIS', 'Federation'],
    });
    expect(r.errors[0]!.message).toBe(
      `${RPC}Federation can't be enabled with Enable-ExchangeCertificate. Use New-FederationTrust or Set-FederationTrust to manage federation certificates.`,
    );
    expect(r.errors[0]!.category).toBe('InvalidArgument');
    expect(org.snapshot()).toBe(before);
  });

  it('rule 79: a service whose role is not installed is refused (SMTP without transport, POP without Client Access)', async () => {
    const org = await testOrg([
      { name: 'CAS10', fqdn: 'CAS10.labs.local', exchange: '2010', roles: ['ClientAccess'] },
      { name: 'HUB10', fqdn: 'HUB10.labs.local', exchange: '2010', roles: ['HubTransport'] },
    ]);
    const cas = (await org.get({ server: 'CAS10' }))[0]!;
    const smtp = await org.run('Enable-ExchangeCertificate', {
      server: 'CAS10',
      thumbprint: cas.Thumbprint,
      services: ['SMTP'],
    });
    expect(smtp.errors[0]!.category).toBe('InvalidArgument');
    expect(
      smtp.errors[0]!.message.startsWith(
        "A special Rpc error occurs on server CAS10: The certificate can't be enabled",
      ),
    ).toBe(true);
    const hub = (await org.get({ server: 'HUB10' }))[0]!;
    const pop = await org.run('Enable-ExchangeCertificate', {
      server: 'HUB10',
      thumbprint: hub.Thumbprint,
      services: ['POP'],
    });
    expect(pop.errors[0]!.category).toBe('InvalidArgument');
    expect(hub.ServicesStringForm).toBe('....S.');
  });

  it('rule 79: an Edge Transport server has no IIS (IISNotInstalled) and warns when its SMTP certificate changes', async () => {
    const org = await testOrg([{ name: 'EDGE01', fqdn: 'EDGE01.dmz.local', exchange: '2019', roles: ['Edge'] }]);
    const certs = await org.get();
    expect(certs.map((c) => c.ServicesStringForm)).toEqual(['....S..']);
    const c = await newCert(org);
    const before = org.snapshot();
    const iis = await org.run('Enable-ExchangeCertificate', { thumbprint: c.Thumbprint, services: ['IIS'] });
    expect(iis.errors[0]!.message).toBe(
      "A special Rpc error occurs on server EDGE01: IIS isn't installed on this server, so the certificate can't be enabled for IIS.",
    );
    expect(iis.errors[0]!.category).toBe('InvalidArgument');
    expect(org.snapshot()).toBe(before);
    const smtp = await org.run('Enable-ExchangeCertificate', {
      thumbprint: c.Thumbprint,
      services: ['SMTP'],
      force: true,
    });
    expect(smtp.warnings).toEqual([
      'The internal transport certificate was updated on this Edge Transport server. Create a new Edge Subscription so that the Hub Transport servers use it.',
    ]);
  });

  it('rule 80: an expired certificate can still be enabled for IIS (the check covers UM only)', async () => {
    const org = await testOrg();
    const c = await newCert(org);
    advanceClock(org.store, 6 * 365 * 86_400_000);
    const r = await org.run('Enable-ExchangeCertificate', { thumbprint: c.Thumbprint, services: ['IIS'] });
    expect(r.errors).toEqual([]);
    expect((await current(org, c.Thumbprint)).Status).toBe('DateInvalid');
  });

  it('rule 106: role/service errors come before the lookup (an unknown thumbprint with Federation reports Federation)', async () => {
    const org = await testOrg();
    const r = await org.run('Enable-ExchangeCertificate', { thumbprint: 'ABC', services: ['Federation'] });
    expect(r.errors[0]!.message).toContain('Federation can');
    const nf = await org.run('Enable-ExchangeCertificate', { thumbprint: 'ABC', services: ['IIS'] });
    expect(nf.errors[0]!.message).toBe(`${RPC}The certificate with thumbprint ABC was not found.`);
  });

  it('rules 12, 46: the continue question ignores -Confirm:$false; unanswered it terminates with the same side effects as No', async () => {
    const org = await testOrg();
    const c = await newCert(org);
    await expect(
      org.run('Enable-ExchangeCertificate', { thumbprint: c.Thumbprint, services: ['IIS', 'SMTP'], confirm: false }),
    ).rejects.toMatchObject({
      record: {
        message: 'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
        terminating: true,
        fullyQualifiedErrorId:
          'InvalidOperation,Microsoft.Exchange.Management.SystemConfigurationTasks.EnableExchangeCertificate',
      },
    });
    // The server enabled IIS and granted Network Service access before the question; the default SMTP certificate stays.
    expect(config(org).iisSites.find((s) => s.id === 1)!.sslThumbprint).toBe(c.Thumbprint);
    expect(config(org).transportCertificate).not.toBe(c.Thumbprint);
    const no = await testOrg();
    const cn = await newCert(no);
    const r = await no.run(
      'Enable-ExchangeCertificate',
      { thumbprint: cn.Thumbprint, services: ['IIS', 'SMTP'] },
      { answers: ['N'] },
    );
    expect(r.errors).toEqual([]);
    const effects = (x: ReturnType<typeof config>, t: string) => ({
      iis: x.iisSites.map((site) => [site.name, site.sslThumbprint === t, site.requireSsl]),
      transport: x.transportCertificate === t,
      networkService: x.networkServiceAcl.includes(t),
      popImap: [x.pop3CertificateName, x.imap4CertificateName],
    });
    expect(effects(config(org), c.Thumbprint)).toEqual(effects(config(no), cn.Thumbprint));
    expect(effects(config(org), c.Thumbprint)).toMatchObject({ transport: false, networkService: true });
  });

  it('rule 11: -WhatIf changes nothing; -Confirm asks ShouldProcess first', async () => {
    const org = await testOrg();
    const c = await newCert(org);
    const before = org.snapshot();
    const w = await org.run('Enable-ExchangeCertificate', {
      thumbprint: c.Thumbprint,
      services: ['IIS'],
      whatIf: true,
    });
    expect(w.hostLines).toEqual([`What if: Enabling the certificate with thumbprint '${c.Thumbprint}'.`]);
    expect(org.snapshot()).toBe(before);
    const n = await org.run(
      'Enable-ExchangeCertificate',
      { thumbprint: c.Thumbprint, services: ['IIS'], confirm: true },
      { answers: ['N'] },
    );
    expect(n.prompts[0]!.kind).toBe('ShouldProcess');
    expect(org.snapshot()).toBe(before);
  });

  it('rule 2: -Identity <Server>\\<Thumbprint> targets that server', async () => {
    const org = await testOrg();
    setTransportCertificate(org.store, 'RESEXCH01', null);
    const res = (await org.get({ server: 'RESEXCH01' }))[0]!;
    const r = await org.run('Enable-ExchangeCertificate', {
      identity: `RESEXCH01.labs.local\\${res.Thumbprint}`,
      services: ['SMTP'],
    });
    expect(r.errors).toEqual([]);
    expect(config(org, 'RESEXCH01').transportCertificate).toBe(res.Thumbprint);
  });
});
