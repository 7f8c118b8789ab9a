// Get-ExchangeCertificate: targeting, filters, ordering, validity, Status and RootCAType (rules 2, 3, 7, 14-20, 25-29, 31, 96, 97).
import { describe, expect, it } from '@jest/globals';
import { MockTerminatingError } from '../../src/engine/index.js';
import { setPopImapCertificateName, advanceClock } from '../../src/engine/index.js';
import { byFriendlyName, bySubject, testOrg } from './support/test-org.js';
import { requestAndIssue, trustVendor, vendorCa } from './support/vendor.js';

const RPC = 'A special Rpc error occurs on server AMS-EXCH01: ';

describe('Get-ExchangeCertificate', () => {
  it('rule 2: acts on -Server, else the server part of -Identity, else the connected server (NetBIOS or FQDN, any case)', async () => {
    const org = await testOrg();
    const res = await org.get({ server: 'resexch01.LABS.local' });
    expect(res.map((c) => c.Subject)).toEqual(['CN=RESEXCH01']);
    const local = await org.get({}, { connected: 'RESEXCH01' });
    expect(local.map((c) => c.Subject)).toEqual(['CN=RESEXCH01']);
    const thumb = res[0]!.Thumbprint;
    const byIdentity = await org.get({ identity: `RESEXCH01\\${thumb}` });
    expect(byIdentity.map((c) => c.Thumbprint)).toEqual([thumb]);
  });

  it('rule 2: an unknown -Server is a cmdlet-side error without the RPC prefix', async () => {
    const org = await testOrg();
    const r = await org.run('Get-ExchangeCertificate', { server: 'NOPE01' });
    expect(r.output).toEqual([]);
    expect(r.errors[0]!.message).toBe(
      "The operation couldn't be performed because object 'NOPE01' couldn't be found on 'DC01.labs.local'.",
    );
    expect(r.errors[0]!.category).toBe('NotSpecified');
    expect(r.errors[0]!.fullyQualifiedErrorId).toMatch(
      /\[FailureCategory=Cmdlet-ManagementObjectNotFoundException\] [0-9A-F]{8},Microsoft\.Exchange\.Management\.SystemConfigurationTasks\.GetExchangeCertificate$/,
    );
  });

  it('rule 3: -Server together with -Identity fails parameter-set resolution (terminating)', async () => {
    const org = await testOrg();
    await expect(
      org.run('Get-ExchangeCertificate', { server: 'AMS-EXCH01', identity: 'AMS-EXCH01\\AB' }),
    ).rejects.toMatchObject({
      record: {
        errorId: 'AmbiguousParameterSet',
        message: 'Parameter set cannot be resolved using the specified named parameters.',
        terminating: true,
      },
    });
    await expect(
      org.run('Get-ExchangeCertificate', { server: 'AMS-EXCH01', identity: 'X' }, { shell: '7' }),
    ).rejects.toBeInstanceOf(MockTerminatingError);
  });

  it('rule 7: thumbprints match case-insensitively and with spaces pasted from the certificate dialog', async () => {
    const org = await testOrg();
    const ex = byFriendlyName(await org.get(), 'Microsoft Exchange');
    expect((await org.get({ thumbprint: ex.Thumbprint.toLowerCase() }))[0]!.Thumbprint).toBe(ex.Thumbprint);
    const spaced = ex.Thumbprint.toLowerCase().match(/../g)!.join(' ');
    expect((await org.get({ thumbprint: spaced }))[0]!.Thumbprint).toBe(ex.Thumbprint);
  });

  it('rule 14: unfiltered Get lists the usable certificates and the pending requests', async () => {
    const org = await testOrg();
    await org.run('New-ExchangeCertificate', { generateRequest: true, subjectName: 'CN=mail.contoso.com' });
    const certs = await org.get();
    expect(certs.map((c) => c.Status).filter((s) => s === 'PendingRequest')).toHaveLength(1);
    expect(certs).toHaveLength(4);
  });

  it('rule 15: a certificate without private key is left out of the unfiltered list', async () => {
    const org = await testOrg();
    const res = (await org.get({ server: 'RESEXCH01' }))[0]!;
    const imported = await org.run('Import-ExchangeCertificate', { fileData: res.RawData });
    expect(imported.errors).toEqual([]);
    const certs = await org.get();
    expect(certs.map((c) => c.Thumbprint)).not.toContain(res.Thumbprint);
    expect(org.store.read((tx) => tx.listCertificates('AMS-EXCH01').map((c) => c.thumbprint))).toContain(
      res.Thumbprint,
    );
  });

  it('rule 16: unfiltered results are ordered by NotBefore, newest first', async () => {
    const org = await testOrg();
    advanceClock(org.store, 3_600_000);
    await org.run('New-ExchangeCertificate', { subjectName: 'CN=one.contoso.com', force: true });
    advanceClock(org.store, 3_600_000);
    await org.run('New-ExchangeCertificate', { generateRequest: true, subjectName: 'CN=two.contoso.com' });
    const certs = await org.get();
    const times = certs.map((c) => c.NotBefore.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(certs[0]!.Subject).toBe('CN=two.contoso.com');
    expect(certs[1]!.Subject).toBe('CN=one.contoso.com');
  });

  it('rule 17: -Thumbprint of an unusable certificate errors with the reason; an unknown one with "was not found"', async () => {
    const org = await testOrg();
    const res = (await org.get({ server: 'RESEXCH01' }))[0]!;
    await org.run('Import-ExchangeCertificate', { fileData: res.RawData });
    const bad = await org.run('Get-ExchangeCertificate', { thumbprint: res.Thumbprint });
    expect(bad.output).toEqual([]);
    expect(bad.errors[0]!.message).toBe(
      `${RPC}The certificate with thumbprint ${res.Thumbprint} was found but is not valid for use with Exchange Server (reason: PrivateKeyMissing).`,
    );
    expect(bad.errors[0]!.category).toBe('NotSpecified');
    const missing = await org.run('Get-ExchangeCertificate', { thumbprint: 'ABCDEF' });
    expect(missing.errors[0]!.message).toBe(`${RPC}The certificate with thumbprint ABCDEF was not found.`);
    expect(missing.errors[0]!.category).toBe('NotSpecified');
    expect(missing.errors[0]!.terminating).toBe(false);
  });

  it('rule 18: -DomainName returns the certificate Exchange would pick first (CA-issued over self-signed), wildcard certificates match', async () => {
    const org = await testOrg();
    const ca = await vendorCa();
    trustVendor(org, ca);
    const { issued } = await requestAndIssue(org, ca, 'AMS-EXCH01', 'CN=*.labs.local', ['*.labs.local']);
    expect((await org.run('Import-ExchangeCertificate', { fileData: issued.der })).errors).toEqual([]);
    const hits = await org.get({ domainName: ['ams-exch01.labs.local'] });
    expect(hits[0]!.Thumbprint).toBe(issued.certificate.thumbprint);
    expect(hits.map((c) => c.FriendlyName)).toContain('Microsoft Exchange');
    expect(hits.every((c) => c.Status !== 'PendingRequest')).toBe(true);
    expect(await org.get({ domainName: ['nothing.example.org'] })).toEqual([]);
    const ex = byFriendlyName(hits, 'Microsoft Exchange');
    expect(
      (await org.get({ domainName: ['AMS-EXCH01.labs.local'], thumbprint: ex.Thumbprint })).map((c) => c.Thumbprint),
    ).toEqual([ex.Thumbprint]);
    const auth = byFriendlyName(await org.get(), 'Microsoft Exchange Server Auth Certificate');
    const r = await org.run('Get-ExchangeCertificate', {
      domainName: ['AMS-EXCH01.labs.local'],
      thumbprint: auth.Thumbprint,
    });
    expect(r.errors[0]!.message).toBe(`${RPC}The certificate with thumbprint ${auth.Thumbprint} was not found.`);
  });

  it('rule 19: -Identity $null returns all certificates; an Identity naming an unknown thumbprint is "not found"', async () => {
    const org = await testOrg();
    expect(await org.get({ identity: null })).toHaveLength(3);
    const r = await org.run('Get-ExchangeCertificate', { identity: 'AMS-EXCH01\\0011' });
    expect(r.errors[0]!.message).toBe(`${RPC}The certificate with thumbprint 0011 was not found.`);
  });

  it('rule 20: on a 2013 Client Access server without -Server, a Mailbox server answers', async () => {
    const org = await testOrg([
      { name: 'AMS-EXCH01', fqdn: 'AMS-EXCH01.labs.local', exchange: '2013', roles: ['Mailbox'] },
      { name: 'AMS-CAS01', fqdn: 'AMS-CAS01.labs.local', exchange: '2013', roles: ['ClientAccess'] },
    ]);
    const certs = await org.get({}, { connected: 'AMS-CAS01' });
    expect(byFriendlyName(certs, 'Microsoft Exchange').Subject).toBe('CN=AMS-EXCH01');
    expect(
      byFriendlyName(await org.get({ server: 'AMS-CAS01' }, { connected: 'AMS-CAS01' }), 'Microsoft Exchange').Subject,
    ).toBe('CN=AMS-CAS01');
  });

  it('rule 25: an empty FriendlyName shows as the Issuer in Get (but not in Import output)', async () => {
    const org = await testOrg();
    const ca = await vendorCa();
    const { issued } = await requestAndIssue(org, ca, 'AMS-EXCH01', 'CN=mail.contoso.com', ['mail.contoso.com'], {
      friendlyName: 'x',
    });
    const imported = await org.run('Import-ExchangeCertificate', { fileData: issued.der });
    expect(imported.output).toHaveLength(1);
    org.store.write((tx) => {
      const rec = tx.listCertificates('AMS-EXCH01').find((r) => r.thumbprint === issued.certificate.thumbprint)!;
      tx.putCertificate({ ...rec, friendlyName: '' });
    });
    const shown = (await org.get({ thumbprint: issued.certificate.thumbprint }))[0]!;
    expect(shown.FriendlyName).toBe(shown.Issuer);
  });

  it('rule 26: Status Valid (self-signed), Untrusted (untrusted CA), DateInvalid (expired), PendingRequest', async () => {
    const org = await testOrg();
    const ca = await vendorCa('Untrusted Vendor');
    const { issued, pendingThumbprint } = await requestAndIssue(org, ca, 'AMS-EXCH01', 'CN=mail.contoso.com', [
      'mail.contoso.com',
    ]);
    expect((await org.get({ thumbprint: pendingThumbprint }))[0]!.Status).toBe('PendingRequest');
    await org.run('Import-ExchangeCertificate', { fileData: issued.der });
    const untrusted = (await org.get({ thumbprint: issued.certificate.thumbprint }))[0]!;
    expect(untrusted.Status).toBe('Untrusted');
    expect(untrusted.RootCAType).toBe('Unknown');
    expect(byFriendlyName(await org.get(), 'Microsoft Exchange').Status).toBe('Valid');
    advanceClock(org.store, 6 * 365 * 86_400_000);
    const expired = byFriendlyName(await org.get(), 'Microsoft Exchange');
    expect(expired.Status).toBe('DateInvalid');
  });

  it('rule 27: a pending request shows Status PendingRequest, IsSelfSigned False, RootCAType Unknown, no services', async () => {
    const org = await testOrg();
    await org.run('New-ExchangeCertificate', { generateRequest: true, subjectName: 'CN=AMS-EXCH01.labs.local' });
    const p = (await org.get()).find((c) => c.Status === 'PendingRequest')!;
    expect(p.IsSelfSigned).toBe(false);
    expect(p.RootCAType).toBe('Unknown');
    expect(p.Services).toBe('None');
    expect(p.ServicesStringForm).toBe('.......');
  });

  it('rule 28: RootCAType Registry (setup), None (Auth, new self-signed), ThirdParty (trusted vendor), Unknown (pending)', async () => {
    const org = await testOrg();
    const ca = await vendorCa();
    trustVendor(org, ca);
    const { issued } = await requestAndIssue(org, ca, 'AMS-EXCH01', 'CN=mail.contoso.com', ['mail.contoso.com']);
    await org.run('Import-ExchangeCertificate', { fileData: issued.pkcs7 });
    await org.run('New-ExchangeCertificate', { subjectName: 'CN=self.contoso.com', services: ['None'] });
    const certs = await org.get();
    expect(bySubject(certs, 'CN=AMS-EXCH01').RootCAType).toBe('Registry');
    expect(byFriendlyName(certs, 'Microsoft Exchange Server Auth Certificate').RootCAType).toBe('None');
    expect(certs.find((c) => c.Subject === 'CN=self.contoso.com')!.RootCAType).toBe('None');
    const vendor = certs.find((c) => c.Thumbprint === issued.certificate.thumbprint)!;
    expect(vendor.RootCAType).toBe('ThirdParty');
    expect(vendor.Status).toBe('Valid');
    expect(vendor.IsSelfSigned).toBe(false);
  });

  it('rule 29: Services are derived from what is bound: moving the POP/IMAP name moves the I and P letters', async () => {
    const org = await testOrg();
    setPopImapCertificateName(org.store, 'AMS-EXCH01', { pop: 'mail.contoso.com', imap: null });
    const ex = bySubject(await org.get(), 'CN=AMS-EXCH01');
    expect(ex.ServicesStringForm).toBe('...WS..');
    await org.run('New-ExchangeCertificate', { subjectName: 'CN=mail.contoso.com', services: ['None'] });
    const fresh = (await org.get()).find((c) => c.Subject === 'CN=mail.contoso.com')!;
    expect(fresh.ServicesStringForm).toBe('.P.....');
    setPopImapCertificateName(org.store, 'AMS-EXCH01', { pop: 'AMS-EXCH01.labs.local', imap: 'ams-exch01.labs.local' });
    expect(bySubject(await org.get(), 'CN=AMS-EXCH01').ServicesStringForm).toBe('IP.WS..');
  });

  it('rule 31: PrivateKeyExportable reflects how the key was created or imported', async () => {
    const org = await testOrg();
    await org.run('New-ExchangeCertificate', {
      subjectName: 'CN=exp.contoso.com',
      privateKeyExportable: true,
      services: ['None'],
    });
    const certs = await org.get();
    expect(certs.find((c) => c.Subject === 'CN=exp.contoso.com')!.PrivateKeyExportable).toBe(true);
    expect(bySubject(certs, 'CN=AMS-EXCH01').PrivateKeyExportable).toBe(false);
  });

  it('rules 96, 97: ServicesStringForm letters I P U W S F C (6 on 2010) and Services as enum names', async () => {
    const org = await testOrg();
    const c13 = byFriendlyName(await org.get(), 'Microsoft Exchange Server Auth Certificate');
    expect(c13.ServicesStringForm).toBe('....S..');
    expect(c13.Services).toBe('SMTP');
    const c10 = (await org.get({ server: 'RESEXCH01' }))[0]!;
    expect(c10.ServicesStringForm).toHaveLength(6);
  });
});
