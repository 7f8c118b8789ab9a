// New-ExchangeCertificate: self-signed certificates (rules 33-50, 108, 109) and requests (rules 51-58, 110).
import { describe, expect, it } from '@jest/globals';
import { addMonthsUtc, parseCertificateRequest, readCertificate } from '../../src/pki/index.js';
import {
  addServer,
  setAcceptedDomains,
  setPopImapCertificateName,
  setTransportCertificate,
} from '../../src/engine/index.js';
import type { ExchangeCertificate } from '../../src/spec/output/exchange-certificate.js';
import { pooledKeys } from './support/key-pool.js';
import { BASE_TIME, bySubject, testOrg } from './support/test-org.js';

const RPC = 'A special Rpc error occurs on server AMS-EXCH01: ';

async function created(
  org: Awaited<ReturnType<typeof testOrg>>,
  parameters: Record<string, unknown>,
  answers: ('Y' | 'N' | 'A' | 'L' | null)[] = [],
): Promise<ExchangeCertificate> {
  const r = await org.run('New-ExchangeCertificate', parameters, { answers });
  expect(r.errors).toEqual([]);
  expect(r.output).toHaveLength(1);
  return r.output[0] as ExchangeCertificate;
}

describe('New-ExchangeCertificate (self-signed)', () => {
  it('rule 33: defaults: CN=<Server>, server name and FQDN, "Microsoft Exchange", 2048, not exportable, IMAP, POP, SMTP', async () => {
    const org = await testOrg();
    const c = await created(org, { force: true });
    expect(c.Subject).toBe('CN=AMS-EXCH01');
    expect(c.CertificateDomains).toEqual(['AMS-EXCH01', 'AMS-EXCH01.labs.local']);
    expect(c.DnsNameList).toEqual(['AMS-EXCH01', 'AMS-EXCH01.labs.local']);
    expect(c.FriendlyName).toBe('Microsoft Exchange');
    expect(c.PublicKeySize).toBe(2048);
    expect(c.PrivateKeyExportable).toBe(false);
    expect(c.Services).toBe('IMAP, POP, SMTP');
    expect(c.ServicesStringForm).toBe('IP..S..');
    setPopImapCertificateName(org.store, 'AMS-EXCH01', { pop: 'pop.contoso.com', imap: 'imap.contoso.com' });
    expect(bySubject(await org.get({ thumbprint: c.Thumbprint }), 'CN=AMS-EXCH01').ServicesStringForm).toBe('....S..');
  });

  it('rule 34: valid five years (60 months) from the creation instant', async () => {
    const org = await testOrg();
    const c = await created(org, { force: true });
    expect(c.NotBefore.getTime()).toBeGreaterThan(BASE_TIME.getTime());
    expect(c.NotAfter.getTime()).toBe(addMonthsUtc(c.NotBefore, 60).getTime());
  });

  it('rule 35: SHA-256 from 2013 CU13 / 2016 CU2 on, SHA-1 on 2010 and older builds', async () => {
    const org = await testOrg([
      { name: 'AMS-EXCH01', fqdn: 'AMS-EXCH01.labs.local', exchange: '2013' },
      { name: 'OLD13', fqdn: 'OLD13.labs.local', exchange: '2013-CU12' },
      { name: 'RESEXCH01', fqdn: 'RESEXCH01.labs.local', exchange: '2010' },
    ]);
    const sig = async (server: string): Promise<string | null> =>
      (await created(org, { server, force: true, services: ['None'] })).SignatureAlgorithm.FriendlyName;
    expect(await sig('AMS-EXCH01')).toBe('sha256RSA');
    expect(await sig('OLD13')).toBe('sha1RSA');
    expect(await sig('RESEXCH01')).toBe('sha1RSA');
  });

  it('rule 36: -SubjectName alone gives no SAN extension (CertificateDomains from the CN); a CN that is no host name is refused', async () => {
    const org = await testOrg();
    const c = await created(org, { subjectName: 'C=NL, O=Contoso, CN=*.contoso.com', services: ['None'] });
    expect(c.DnsNameList).toEqual([]);
    expect(c.CertificateDomains).toEqual(['*.contoso.com']);
    expect(c.Subject).toBe('CN=*.contoso.com, O=Contoso, C=NL');
    const before = org.snapshot();
    const r = await org.run('New-ExchangeCertificate', { subjectName: 'CN=Not A Host Name' });
    expect(r.errors[0]!.message).toBe(
      `${RPC}The common name (CN) in the subject name isn't a valid fully qualified domain name (FQDN).`,
    );
    expect(r.errors[0]!.category).toBe('InvalidArgument');
    expect(org.snapshot()).toBe(before);
  });

  it('rules 37, 108: -DomainName sets the SANs without server names; the subject defaults to the first name', async () => {
    const org = await testOrg();
    const c = await created(org, { domainName: ['mail.contoso.com', 'autodiscover.contoso.com'], services: ['None'] });
    expect(c.DnsNameList).toEqual(['mail.contoso.com', 'autodiscover.contoso.com']);
    expect(c.Subject).toBe('CN=mail.contoso.com');
    const long = `${'a'.repeat(60)}.contoso.com`;
    const d = await created(org, { domainName: [long, 'short.contoso.com'], services: ['None'] });
    expect(d.Subject).toBe('CN=short.contoso.com');
  });

  it('rule 38: -IncludeAcceptedDomains (all), -IncludeAutoDiscover (Authoritative only), -IncludeServerFQDN/-NetBIOSName add without duplicates', async () => {
    const org = await testOrg();
    setAcceptedDomains(org.store, ['contoso.com', { domainName: 'relay.contoso.com', domainType: 'InternalRelay' }]);
    const c = await created(org, {
      domainName: ['contoso.com'],
      includeAcceptedDomains: true,
      includeAutoDiscover: true,
      includeServerFQDN: true,
      includeServerNetBIOSName: true,
      services: ['None'],
    });
    expect(c.DnsNameList).toEqual([
      'contoso.com',
      'relay.contoso.com',
      'autodiscover.contoso.com',
      'AMS-EXCH01.labs.local',
      'AMS-EXCH01',
    ]);
  });

  it('rule 39: with -IncludeAcceptedDomains and no -Services the certificate ends up SMTP only', async () => {
    const org = await testOrg();
    const c = await created(org, { includeAcceptedDomains: true, force: true });
    expect(c.CertificateDomains).toEqual(['labs.local']);
    expect(c.ServicesStringForm).toBe('....S..');
  });

  it('rule 40: -IncludeAutoDiscover on a 2010/2013 server without Client Access warns and adds nothing', async () => {
    const org = await testOrg([{ name: 'HUB10', fqdn: 'HUB10.labs.local', exchange: '2010', roles: ['HubTransport'] }]);
    const r = await org.run('New-ExchangeCertificate', {
      domainName: ['mail.labs.local'],
      includeAutoDiscover: true,
      force: true,
    });
    expect(r.warnings).toContain(
      'The IncludeAutoDiscover parameter applies only to Client Access servers. No Autodiscover names were added.',
    );
    expect((r.output[0] as ExchangeCertificate).DnsNameList).toEqual(['mail.labs.local']);
  });

  it('rule 41: a FriendlyName of 64 or more characters is refused by the server; 63 is fine', async () => {
    const org = await testOrg();
    const before = org.snapshot();
    const r = await org.run('New-ExchangeCertificate', { friendlyName: 'x'.repeat(64), force: true });
    expect(r.errors[0]!.message).toBe(`${RPC}The friendly name must be shorter than 64 characters.`);
    expect(r.errors[0]!.category).toBe('InvalidArgument');
    expect(org.snapshot()).toBe(before);
    expect((await created(org, { friendlyName: 'y'.repeat(63), force: true })).FriendlyName).toBe('y'.repeat(63));
  });

  it('rule 42: -KeySize 1024, 2048, 4096 accepted, others refused', async () => {
    const org = await testOrg();
    expect((await created(org, { keySize: 1024, services: ['None'] })).PublicKeySize).toBe(1024);
    expect((await created(org, { keySize: 4096, services: ['None'] })).PublicKeySize).toBe(4096);
    const before = org.snapshot();
    const r = await org.run('New-ExchangeCertificate', { keySize: 3072 });
    expect(r.errors[0]!.message).toBe(`${RPC}The key size 3072 is not valid. Valid key sizes are 1024, 2048 and 4096.`);
    expect(org.snapshot()).toBe(before);
  });

  it('rule 43: -PrivateKeyExportable $true makes the key exportable (default not)', async () => {
    const org = await testOrg();
    expect((await created(org, { privateKeyExportable: true, services: ['None'] })).PrivateKeyExportable).toBe(true);
    expect((await created(org, { services: ['None'] })).PrivateKeyExportable).toBe(false);
  });

  it('rule 44: -Services enables at once (IIS binds the Default Web Site); None enables nothing but name-derived letters show', async () => {
    const org = await testOrg();
    const c = await created(org, { services: ['IIS'], domainName: ['web.contoso.com'] });
    expect(c.ServicesStringForm).toBe('...W...');
    expect(
      org.store.read((tx) => tx.getServerConfig('AMS-EXCH01').iisSites.find((s) => s.id === 1)!.sslThumbprint),
    ).toBe(c.Thumbprint);
    const none = await created(org, { services: ['None'] });
    expect(none.ServicesStringForm).toBe('IP.....');
  });

  it('rule 45: SMTP grants Network Service access and becomes the default SMTP certificate at once when there is none', async () => {
    const org = await testOrg();
    setTransportCertificate(org.store, 'AMS-EXCH01', null);
    const r = await org.run('New-ExchangeCertificate', { domainName: ['smtp.contoso.com'] });
    expect(r.prompts).toEqual([]);
    const c = r.output[0] as ExchangeCertificate;
    const config = org.store.read((tx) => tx.getServerConfig('AMS-EXCH01'));
    expect(config.transportCertificate).toBe(c.Thumbprint);
    expect(config.networkServiceAcl).toContain(c.Thumbprint);
    expect(c.AccessRules?.some((a) => a.IdentityReference === 'NT AUTHORITY\\NETWORK SERVICE')).toBe(true);
  });

  it('rule 46: asks before replacing the default SMTP certificate; N keeps it (new certificate still made, shows S), -Force replaces silently', async () => {
    const org = await testOrg();
    const old = bySubject(await org.get(), 'CN=AMS-EXCH01');
    const r = await org.run('New-ExchangeCertificate', { domainName: ['smtp.contoso.com'] }, { answers: ['N'] });
    expect(r.prompts).toHaveLength(1);
    expect(r.prompts[0]!.kind).toBe('ShouldContinue');
    const c = r.output[0] as ExchangeCertificate;
    const fmt = (d: Date): string =>
      `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours() % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, '0')}:${String(d.getUTCSeconds()).padStart(2, '0')} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
    expect(r.prompts[0]!.message).toBe(
      `Overwrite the existing default SMTP certificate?\r\n\r\nCurrent certificate: '${old.Thumbprint}' (expires ${fmt(old.NotAfter)})\r\nReplace it with certificate: '${c.Thumbprint}' (expires ${fmt(c.NotAfter)})`,
    );
    expect(org.store.read((tx) => tx.getServerConfig('AMS-EXCH01').transportCertificate)).toBe(old.Thumbprint);
    expect(c.ServicesStringForm).toBe('....S..');
    const y = await org.run('New-ExchangeCertificate', { domainName: ['y.contoso.com'] }, { answers: ['Y'] });
    expect(org.store.read((tx) => tx.getServerConfig('AMS-EXCH01').transportCertificate)).toBe(
      (y.output[0] as ExchangeCertificate).Thumbprint,
    );
    const f = await org.run('New-ExchangeCertificate', { domainName: ['f.contoso.com'], force: true });
    expect(f.prompts).toEqual([]);
    expect(org.store.read((tx) => tx.getServerConfig('AMS-EXCH01').transportCertificate)).toBe(
      (f.output[0] as ExchangeCertificate).Thumbprint,
    );
  });

  it("rule 46: -Confirm:$false does not answer the SMTP question; nobody answering is PowerShell's non-interactive terminating error", async () => {
    const org = await testOrg();
    await expect(
      org.run('New-ExchangeCertificate', { domainName: ['smtp.contoso.com'], confirm: false }),
    ).rejects.toMatchObject({
      record: {
        message: 'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
        category: 'InvalidOperation',
        terminating: true,
      },
    });
    // As after answering No: the certificate exists (with S from the Network Service access), the default SMTP one stays.
    const made = (await org.get()).find((c) => c.Subject === 'CN=smtp.contoso.com');
    expect(made?.ServicesStringForm).toBe('....S..');
    expect(org.store.read((tx) => tx.getServerConfig('AMS-EXCH01').transportCertificate)).not.toBe(made?.Thumbprint);
    await expect(
      org.run('New-ExchangeCertificate', { domainName: ['smtp2.contoso.com'] }, { shell: '7' }),
    ).rejects.toMatchObject({
      record: { message: 'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.' },
    });
  });

  it('rules 8, 47: piping a certificate in (-Instance) renews it: new thumbprint, same names, subject, key size and friendly name; old one kept', async () => {
    const org = await testOrg();
    const old = await created(org, {
      subjectName: 'CN=mail.contoso.com',
      domainName: ['autodiscover.contoso.com'],
      keySize: 1024,
      friendlyName: 'Mail',
      services: ['None'],
    });
    const renewed = await created(org, { instance: old, friendlyName: 'Ignored', force: true });
    expect(renewed.Thumbprint).not.toBe(old.Thumbprint);
    expect(renewed.DnsNameList).toEqual(['mail.contoso.com', 'autodiscover.contoso.com']);
    expect(renewed.Subject).toBe(old.Subject);
    expect(renewed.PublicKeySize).toBe(1024);
    expect(renewed.FriendlyName).toBe('Mail');
    expect(renewed.PrivateKeyExportable).toBe(false);
    expect(renewed.ServicesStringForm).toBe('....S..');
    expect((await org.get()).map((c) => c.Thumbprint)).toContain(old.Thumbprint);
  });

  it('rule 48: -SubjectKeyIdentifier sets the SKI extension (none by default)', async () => {
    const org = await testOrg();
    const c = await created(org, { subjectKeyIdentifier: '0123456789ABCDEF0123456789ABCDEF', services: ['None'] });
    expect(c.SubjectKeyIdentifier).toBe('0123456789ABCDEF0123456789ABCDEF');
    expect((await created(org, { services: ['None'] })).SubjectKeyIdentifier).toBeNull();
  });

  it('rule 49: -WhatIf describes the certificate and creates nothing', async () => {
    const org = await testOrg();
    const before = org.snapshot();
    const r = await org.run('New-ExchangeCertificate', { domainName: ['mail.contoso.com'], whatIf: true });
    expect(r.output).toEqual([]);
    expect(r.hostLines).toEqual([
      "What if: Creating a self-signed certificate with friendly name 'Microsoft Exchange', subject 'CN=mail.contoso.com', domains 'mail.contoso.com', services 'SMTP' and key size 2048.",
    ]);
    expect(org.snapshot()).toBe(before);
  });

  it('rule 11: -Confirm asks ShouldProcess first; N creates nothing, no answer is the non-interactive error', async () => {
    const org = await testOrg();
    const before = org.snapshot();
    const r = await org.run('New-ExchangeCertificate', { confirm: true, force: true }, { answers: ['N'] });
    expect(r.prompts[0]!.kind).toBe('ShouldProcess');
    expect(
      r.prompts[0]!.message.startsWith(
        'Are you sure you want to perform this action?\r\nCreating a self-signed certificate',
      ),
    ).toBe(true);
    expect(r.output).toEqual([]);
    expect(org.snapshot()).toBe(before);
    await expect(org.run('New-ExchangeCertificate', { confirm: true, force: true })).rejects.toMatchObject({
      record: { errorId: 'InvalidOperation' },
    });
    expect(org.snapshot()).toBe(before);
  });

  it('rules 50, 109: one ExchangeCertificate object; KU digitalSignature+keyEncipherment, EKU server auth, end entity, not in Trusted Root', async () => {
    const org = await testOrg();
    const c = await created(org, { domainName: ['mail.contoso.com'], services: ['None'] });
    const info = readCertificate(c.RawData);
    expect(info.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    expect(info.enhancedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(info.isCa).toBe(false);
    expect(info.thumbprint).toBe(c.Thumbprint);
    expect(c.RootCAType).toBe('None');
    expect(c.Identity).toBe(`AMS-EXCH01.labs.local\\${c.Thumbprint}`);
    expect(
      org.store.read((tx) => tx.getServerConfig('AMS-EXCH01').trustedRoots.map((r) => r.thumbprint)),
    ).not.toContain(c.Thumbprint);
  });

  it('rule 44: a service step that fails leaves the state as it was (UM on a server without UM)', async () => {
    const org = await testOrg();
    const r = await org.run('New-ExchangeCertificate', {
      server: 'RESEXCH01',
      services: ['UM'],
      domainName: ['um.contoso.com'],
    });
    expect(r.output).toEqual([]);
    expect(r.errors[0]!.message).toMatch(
      /^A special Rpc error occurs on server RESEXCH01: The certificate with thumbprint [0-9A-F]{40} can't be enabled for UM because the Unified Messaging role isn't installed on server RESEXCH01\.$/,
    );
    expect(r.errors[0]!.category).toBe('NotSpecified');
    expect((await org.get({ server: 'RESEXCH01' })).map((c) => c.Subject)).not.toContain('CN=um.contoso.com');
  });

  it('creates on the -Server target; an unknown server is the cmdlet-side not-found error', async () => {
    const org = await testOrg();
    const c = await created(org, { server: 'RESEXCH01', force: true, services: ['None'] });
    expect(c.Identity).toBe(`RESEXCH01.labs.local\\${c.Thumbprint}`);
    const r = await org.run('New-ExchangeCertificate', { server: 'GHOST' });
    expect(r.errors[0]!.message.startsWith("The operation couldn't be performed because object 'GHOST'")).toBe(true);
  });
});

describe('New-ExchangeCertificate -GenerateRequest', () => {
  it('rules 51, 52: creates a pending request and outputs the Exchange-format Base64 text', async () => {
    const org = await testOrg();
    const r = await org.run('New-ExchangeCertificate', {
      generateRequest: true,
      subjectName: 'c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl',
      domainName: ['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl'],
    });
    expect(r.errors).toEqual([]);
    const text = r.output[0] as string;
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('-----BEGIN NEW CERTIFICATE REQUEST-----');
    expect(lines.at(-2)).toBe('-----END NEW CERTIFICATE REQUEST-----');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -3).every((l) => l.length === 64)).toBe(true);
    expect(text).not.toContain('\r\n\r\n');
    const csr = parseCertificateRequest(text);
    expect(csr.subject).toBe('CN=webmail.exchangefun.nl, OU=RND, O=Exchangefun bv, L=Emmeloord, S=Flevoland, C=NL');
    expect(csr.dnsNames).toEqual(['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl']);
    const pending = (await org.get()).find((c) => c.Status === 'PendingRequest')!;
    expect(pending.Subject).toBe(csr.subject);
  });

  it('rule 53: -BinaryEncoded outputs FileData with the DER request; without -GenerateRequest it is a cmdlet-side error', async () => {
    const org = await testOrg();
    const r = await org.run('New-ExchangeCertificate', {
      generateRequest: true,
      binaryEncoded: true,
      domainName: ['mail.contoso.com'],
    });
    const der = (r.output[0] as { FileData: Uint8Array }).FileData;
    expect(der[0]).toBe(0x30);
    expect(parseCertificateRequest(der).dnsNames).toEqual(['mail.contoso.com']);
    const before = org.snapshot();
    const bad = await org.run('New-ExchangeCertificate', { binaryEncoded: true });
    expect(bad.errors[0]!.message).toBe(
      'The BinaryEncoded parameter can only be used together with the GenerateRequest parameter (server AMS-EXCH01).',
    );
    expect(bad.errors[0]!.category).toBe('InvalidArgument');
    expect(org.snapshot()).toBe(before);
  });

  it('rule 55: the request key has the requested size; rule 110: placeholder with its own thumbprint, "Microsoft Exchange", Base64 CertificateRequest', async () => {
    const org = await testOrg();
    const r = await org.run('New-ExchangeCertificate', {
      generateRequest: true,
      keySize: 4096,
      domainName: ['mail.contoso.com'],
    });
    const pending = (await org.get()).find((c) => c.Status === 'PendingRequest')!;
    expect(pending.PublicKeySize).toBe(4096);
    expect(pending.FriendlyName).toBe('Microsoft Exchange');
    expect(pending.HasPrivateKey).toBe(true);
    expect(r.output[0] as string).toContain(pending.CertificateRequest!);
    expect(readCertificate(pending.RawData).thumbprint).toBe(pending.Thumbprint);
  });

  it('rule 56: -RequestFile writes the request on the server (.req appended), refuses an existing file, needs -GenerateRequest', async () => {
    const org = await testOrg();
    const r = await org.run('New-ExchangeCertificate', {
      generateRequest: true,
      domainName: ['mail.contoso.com'],
      requestFile: 'C:\\install\\mail',
    });
    expect(r.errors).toEqual([]);
    expect(Buffer.from(org.fs.readFile('C:\\install\\mail.req')).toString('utf8')).toBe(r.output[0]);
    const before = org.snapshot();
    org.fs.writeFile('C:\\install\\taken.req', new Uint8Array([1]));
    const taken = await org.run('New-ExchangeCertificate', {
      generateRequest: true,
      domainName: ['x.contoso.com'],
      requestFile: 'C:\\install\\taken.req',
    });
    expect(taken.errors[0]!.message).toBe(
      "The request file name isn't valid or the file already exists on server AMS-EXCH01. Specify a new file name.",
    );
    expect(taken.errors[0]!.category).toBe('InvalidArgument');
    expect(org.snapshot()).toBe(before);
    const noRequest = await org.run('New-ExchangeCertificate', { requestFile: 'C:\\install\\x.req' });
    expect(noRequest.errors[0]!.message).toBe(
      'The RequestFile parameter can only be used together with the GenerateRequest parameter (server AMS-EXCH01).',
    );
    const bin = await org.run('New-ExchangeCertificate', {
      generateRequest: true,
      binaryEncoded: true,
      domainName: ['b.contoso.com'],
      requestFile: 'C:\\install\\b.der',
    });
    expect(org.fs.readFile('C:\\install\\b.der')).toEqual((bin.output[0] as { FileData: Uint8Array }).FileData);
  });

  it('rule 58: piping a certificate into New -GenerateRequest copies its subject and names', async () => {
    const org = await testOrg();
    const old = await created(org, {
      subjectName: 'CN=mail.contoso.com',
      domainName: ['autodiscover.contoso.com'],
      services: ['None'],
    });
    const r = await org.run('New-ExchangeCertificate', { instance: old, generateRequest: true });
    const csr = parseCertificateRequest(r.output[0] as string);
    expect(csr.dnsNames).toEqual(['mail.contoso.com', 'autodiscover.contoso.com']);
    expect(csr.subjectCn).toBe('mail.contoso.com');
  });

  it("rule 47 (issue 10): a renewal request keeps the subject's RDN order as encoded in the certificate", async () => {
    const org = await testOrg();
    const old = await created(org, {
      subjectName: 'C=NL, S=Flevoland, O=Contoso, CN=mail.contoso.com',
      domainName: ['mail.contoso.com'],
      services: ['None'],
    });
    const r = await org.run('New-ExchangeCertificate', { instance: old, generateRequest: true });
    const csr = parseCertificateRequest(r.output[0] as string);
    expect(Buffer.from(csr.subjectDer).toString('hex')).toBe(
      Buffer.from(readCertificate(old.RawData).subjectDer).toString('hex'),
    );
    const renewed = await created(org, { instance: old, force: true });
    expect(renewed.Subject).toBe(old.Subject);
  });

  it("rule 35 / VERSIONS 2.2: requests work on Exchange 2010 too (no -RequestFile there is the binder's business)", async () => {
    const org = await testOrg();
    await addServer(org.store, { name: 'EX16', fqdn: 'EX16.labs.local', exchange: '2016-CU1' }, BASE_TIME, pooledKeys);
    const r = await org.run('New-ExchangeCertificate', {
      server: 'RESEXCH01',
      generateRequest: true,
      domainName: ['mail.contoso.com'],
    });
    expect(r.errors).toEqual([]);
    expect((await created(org, { server: 'EX16', services: ['None'] })).SignatureAlgorithm.FriendlyName).toBe(
      'sha1RSA',
    );
  });
});
