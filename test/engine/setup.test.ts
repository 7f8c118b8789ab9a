// What addServer leaves on a fresh server (rules 101-103, 113, 114) and how Get shows it (rules 21-31, 96, 97).
import { describe, expect, it } from '@jest/globals';
import { readCertificate } from '../../src/pki/index.js';
import {
  EXCHANGE_CERTIFICATE_LIST_VIEW,
  exchangeCertificateSchema,
} from '../../src/spec/output/exchange-certificate.js';
import { addMonthsUtc } from '../../src/pki/index.js';
import { BASE_TIME, byFriendlyName, testOrg } from './support/test-org.js';

describe('fresh servers (setup)', () => {
  it('rule 101: "Microsoft Exchange" on 2016/2019/SE: CN=<Server>, name+FQDN, IMAP, POP, IIS, SMTP, not exportable, Registry, 5 years, 2048', async () => {
    const org = await testOrg([{ name: 'EX19', fqdn: 'EX19.contoso.com', exchange: '2019-CU14' }]);
    const certs = await org.get();
    const ex = byFriendlyName(certs, 'Microsoft Exchange');
    expect(ex.Subject).toBe('CN=EX19');
    expect(ex.CertificateDomains).toEqual(['EX19', 'EX19.contoso.com']);
    expect(ex.Services).toBe('IMAP, POP, IIS, SMTP');
    expect(ex.ServicesStringForm).toBe('IP.WS..');
    expect(ex.PrivateKeyExportable).toBe(false);
    expect(ex.RootCAType).toBe('Registry');
    expect(ex.PublicKeySize).toBe(2048);
    expect(ex.NotAfter.getTime()).toBe(addMonthsUtc(ex.NotBefore, 60).getTime());
    expect(ex.SignatureAlgorithm.FriendlyName).toBe('sha1RSA');
    expect(ex.IISServices).toEqual(['IIS://EX19/W3SVC/1', 'IIS://EX19/W3SVC/2']);
    expect(ex.Status).toBe('Valid');
    expect(ex.IsSelfSigned).toBe(true);
  });

  it('rule 102: the Auth certificate is org-wide (same thumbprint on every 2013+ server), exportable, SMTP, RootCAType None, no domains', async () => {
    const org = await testOrg([
      { name: 'EX1', fqdn: 'EX1.contoso.com', exchange: '2016' },
      { name: 'EX2', fqdn: 'EX2.contoso.com', exchange: '2019' },
    ]);
    const a1 = byFriendlyName(await org.get({ server: 'EX1' }), 'Microsoft Exchange Server Auth Certificate');
    const a2 = byFriendlyName(await org.get({ server: 'EX2' }), 'Microsoft Exchange Server Auth Certificate');
    expect(a1.Thumbprint).toBe(a2.Thumbprint);
    expect(a1.Subject).toBe('CN=Microsoft Exchange Server Auth Certificate');
    expect(a1.Issuer).toBe(a1.Subject);
    expect(a1.CertificateDomains).toEqual([]);
    expect(a1.Services).toBe('SMTP');
    expect(a1.PrivateKeyExportable).toBe(true);
    expect(a1.RootCAType).toBe('None');
    // Setup makes it valid exactly 1800 days (rule 102, corrected from real 2013/2016/2019 captures).
    expect(a1.NotAfter.getTime() - a1.NotBefore.getTime()).toBe(1800 * 86_400_000);
    expect(a1.EnhancedKeyUsageList).toEqual(['Server Authentication (1.3.6.1.5.5.7.3.1)']);
    expect(org.store.read((tx) => tx.getOrgConfig().authCertificateThumbprint)).toBe(a1.Thumbprint);
  });

  it('rule 103: WMSvc-SHA2-<Server>: Services None, exportable, Registry, 3650 days', async () => {
    const org = await testOrg([{ name: 'EX19', fqdn: 'EX19.contoso.com', exchange: '2019' }]);
    const w = byFriendlyName(await org.get(), 'WMSVC-SHA2');
    expect(w.Subject).toBe('CN=WMSvc-SHA2-EX19');
    expect(w.CertificateDomains).toEqual(['WMSvc-SHA2-EX19']);
    expect(w.Services).toBe('None');
    expect(w.ServicesStringForm).toBe('.......');
    expect(w.PrivateKeyExportable).toBe(true);
    expect(w.RootCAType).toBe('Registry');
    expect(w.NotAfter.getTime() - w.NotBefore.getTime()).toBe(3650 * 86_400_000);
    // Windows made it before Exchange setup ran: the oldest of the three, listed last.
    const all = await org.get();
    expect(all.map((c) => c.FriendlyName)).toEqual([
      'Microsoft Exchange',
      'Microsoft Exchange Server Auth Certificate',
      'WMSVC-SHA2',
    ]);
    expect(w.NotBefore.getTime()).toBeLessThan(byFriendlyName(all, 'Microsoft Exchange').NotBefore.getTime());
  });

  it('rule 113: a fresh 2013 server has the same three certificates (WMSVC named for Windows 2012 R2); a CAS-only 2013 server shows SMTP from front-end transport', async () => {
    const org = await testOrg([
      { name: 'AMS-EXCH01', fqdn: 'AMS-EXCH01.labs.local', exchange: '2013' },
      { name: 'AMS-CAS01', fqdn: 'AMS-CAS01.labs.local', exchange: '2013', roles: ['ClientAccess'] },
    ]);
    const certs = await org.get({ server: 'AMS-EXCH01' });
    expect(certs.map((c) => c.FriendlyName).sort()).toEqual([
      'Microsoft Exchange',
      'Microsoft Exchange Server Auth Certificate',
      'WMSVC',
    ]);
    expect(byFriendlyName(certs, 'Microsoft Exchange').Services).toBe('IMAP, POP, IIS, SMTP');
    const cas = byFriendlyName(await org.get({ server: 'AMS-CAS01' }), 'Microsoft Exchange');
    expect(cas.Services).toBe('IMAP, POP, IIS, SMTP');
    expect(cas.IISServices).toEqual(['IIS://AMS-CAS01/W3SVC/1']);
  });

  it('rule 114: a fresh 2010 server has one self-signed "Microsoft Exchange" certificate (SHA-1, 5 years), no Auth certificate, 6 letters', async () => {
    const org = await testOrg();
    const certs = await org.get({ server: 'RESEXCH01' });
    expect(certs).toHaveLength(1);
    const ex = certs[0]!;
    expect(ex.FriendlyName).toBe('Microsoft Exchange');
    expect(ex.Subject).toBe('CN=RESEXCH01');
    expect(ex.CertificateDomains).toEqual(['RESEXCH01', 'RESEXCH01.labs.local']);
    expect(ex.SignatureAlgorithm.FriendlyName).toBe('sha1RSA');
    expect(ex.Services).toBe('IMAP, POP, IIS, SMTP');
    expect(ex.ServicesStringForm).toBe('IP.WS.');
    expect(ex.PrivateKeyExportable).toBe(false);
  });

  it('sets up IIS, POP/IMAP names, the default SMTP certificate, Network Service access, accepted domain and connectors', async () => {
    const org = await testOrg();
    const ex = byFriendlyName(await org.get({ server: 'AMS-EXCH01' }), 'Microsoft Exchange');
    org.store.read((tx) => {
      const c = tx.getServerConfig('AMS-EXCH01');
      expect(c.iisSites).toEqual([
        { name: 'Default Web Site', id: 1, requireSsl: true, sslThumbprint: ex.Thumbprint },
        { name: 'Exchange Back End', id: 2, requireSsl: false, sslThumbprint: ex.Thumbprint },
      ]);
      expect(c.pop3CertificateName).toBe('AMS-EXCH01.labs.local');
      expect(c.imap4CertificateName).toBe('AMS-EXCH01.labs.local');
      expect(c.transportCertificate).toBe(ex.Thumbprint);
      expect(c.networkServiceAcl).toContain(ex.Thumbprint);
      expect(c.trustedRoots.map((r) => r.thumbprint)).toContain(ex.Thumbprint);
      const o = tx.getOrgConfig();
      expect(o.acceptedDomains).toEqual([
        { name: 'labs.local', domainName: 'labs.local', domainType: 'Authoritative' },
      ]);
      expect(o.connectors.filter((x) => x.kind === 'Receive').map((x) => x.server)).toEqual([
        'AMS-EXCH01',
        'RESEXCH01',
      ]);
      expect(o.connectors.filter((x) => x.kind === 'Send')).toHaveLength(1);
    });
  });

  it('rule 24: Identity is <ServerFQDN>\\<Thumbprint>; rule 30: PublicKeySize in bits; thumbprint is SHA-1 of RawData', async () => {
    const org = await testOrg();
    for (const c of await org.get({ server: 'AMS-EXCH01' })) {
      expect(c.Identity).toBe(`AMS-EXCH01.labs.local\\${c.Thumbprint}`);
      expect(c.PublicKeySize).toBe(2048);
      expect(readCertificate(c.RawData).thumbprint).toBe(c.Thumbprint);
      expect(exchangeCertificateSchema().parse(c)).toEqual(c);
    }
  });

  it('rules 21-23: the objects carry every property of the table, list and list * views', async () => {
    const org = await testOrg();
    const [c] = await org.get({ server: 'RESEXCH01' });
    const star = [
      'Archived',
      'CertificateRequest',
      'DnsNameList',
      'EnhancedKeyUsageList',
      'Extensions',
      'FriendlyName',
      'Handle',
      'Identity',
      'IISServices',
      'IssuerName',
      'KeyIdentifier',
      'PrivateKey',
      'PrivateKeyExportable',
      'PublicKey',
      'RawData',
      'SendAsTrustedIssuer',
      'ServicesStringForm',
      'SignatureAlgorithm',
      'SubjectKeyIdentifier',
      'SubjectName',
      'Version',
    ];
    for (const key of [...EXCHANGE_CERTIFICATE_LIST_VIEW, ...star, 'Thumbprint', 'Services', 'Subject'])
      expect(c).toHaveProperty(key);
    expect(c!.AccessRules?.map((r) => r.IdentityReference)).toContain('NT AUTHORITY\\NETWORK SERVICE');
    expect(c!.Version).toBe(3);
    expect(c!.NotBefore.getTime()).toBe(BASE_TIME.getTime());
  });
});
