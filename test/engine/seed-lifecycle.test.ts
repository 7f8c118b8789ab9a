// The reference lifecycle of SEED-RUNBOOK.md through direct invoke calls: request, vendor, import, enable, export, reuse.
import { describe, expect, it } from '@jest/globals';
import { createPublicKey } from 'node:crypto';
import { readCertificate, readPfx, toKeyPair } from '../../src/pki/index.js';
import { secret } from '../../src/node/secret.js';
import type { ExchangeCertificate } from '../../src/spec/output/exchange-certificate.js';
import { BASE_TIME, bySubject, testOrg } from './support/test-org.js';
import { trustVendor, vendorCa } from './support/vendor.js';

const SUBJECT = 'c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl';

describe('seed lifecycle (AMS-EXCH01 on 2013, RESEXCH01 on 2010)', () => {
  it('request → vendor issues → import completes → Get | Enable IIS → Export -FileName → Import on RESEXCH01 with the key', async () => {
    const org = await testOrg();
    const ca = await vendorCa('Exchangefun Vendor');
    trustVendor(org, ca);

    // 1. the request
    const step1 = await org.run('New-ExchangeCertificate', {
      generateRequest: true,
      server: 'AMS-EXCH01',
      subjectName: SUBJECT,
      domainName: ['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl'],
      privateKeyExportable: true,
    });
    expect(step1.errors).toEqual([]);
    const requestData = step1.output[0] as string;
    org.fs.writeFile('C:\\install\\ssl-request.req', new Uint8Array(Buffer.from(requestData, 'latin1')));

    // 2. the vendor
    const issued = await ca.issue(org.fs.readFile('C:\\install\\ssl-request.req'), { now: BASE_TIME, days: 365 });
    org.fs.writeFile('c:\\install\\webmail_exchangefun_nl.cer', issued.der);

    // 3. import completes the request
    const step3 = await org.run('Import-ExchangeCertificate', {
      server: 'AMS-EXCH01',
      fileData: org.fs.readFile('c:\\install\\webmail_exchangefun_nl.cer'),
    });
    expect(step3.errors).toEqual([]);
    const imported = step3.output[0] as ExchangeCertificate;
    const thumbprint = imported.Thumbprint;
    expect(thumbprint).toBe(readCertificate(issued.der).thumbprint);
    expect(imported.Subject).toBe(
      'CN=webmail.exchangefun.nl, OU=RND, O=Exchangefun bv, L=Emmeloord, S=Flevoland, C=NL',
    );
    expect(imported.HasPrivateKey).toBe(true);
    expect(imported.PrivateKeyExportable).toBe(true);
    expect(imported.Status).toBe('Valid');
    expect(imported.RootCAType).toBe('ThirdParty');
    expect(imported.KeyIdentifier).toBe(imported.SubjectKeyIdentifier);

    // 4. Get | Enable IIS
    const got = await org.get({ server: 'AMS-EXCH01', thumbprint });
    const old = bySubject(await org.get({ server: 'AMS-EXCH01' }), 'CN=AMS-EXCH01');
    const step4 = await org.run('Enable-ExchangeCertificate', {
      server: 'AMS-EXCH01',
      thumbprint: got[0]!.Thumbprint,
      services: ['IIS'],
    });
    expect(step4.errors).toEqual([]);
    expect(step4.prompts).toEqual([]);
    const sites = org.store.read((tx) => tx.getServerConfig('AMS-EXCH01').iisSites);
    expect(sites.find((s) => s.name === 'Default Web Site')!.sslThumbprint).toBe(thumbprint);
    expect((await org.get({ server: 'AMS-EXCH01', thumbprint }))[0]!.ServicesStringForm).toBe('...W...');
    expect(bySubject(await org.get({ server: 'AMS-EXCH01' }), 'CN=AMS-EXCH01').ServicesStringForm).toBe('IP.WS..');
    expect(old.IISServices).toEqual(['IIS://AMS-EXCH01/W3SVC/1', 'IIS://AMS-EXCH01/W3SVC/2']);

    // 5. Export -FileName
    const step5 = await org.run('Export-ExchangeCertificate', {
      thumbprint,
      fileName: 'C:\\Install\\webmail_exchangefun_nl.pfx',
      binaryEncoded: true,
      password: secret('Pass1word'),
    });
    expect(step5.errors).toEqual([]);
    const pfxBytes = org.fs.readFile('c:\\install\\webmail_exchangefun_nl.pfx');
    expect(pfxBytes).toEqual((step5.output[0] as { FileData: Uint8Array }).FileData);
    const pfx = readPfx(pfxBytes, 'Pass1word');
    expect(readCertificate(pfx.endEntity).thumbprint).toBe(thumbprint);

    // 6. Import on RESEXCH01 with the password
    const step6 = await org.run('Import-ExchangeCertificate', {
      server: 'RESEXCH01',
      fileData: org.fs.readFile('c:\\install\\webmail_exchangefun_nl.pfx'),
      password: secret('Pass1word'),
    });
    expect(step6.errors).toEqual([]);
    const copy = step6.output[0] as ExchangeCertificate;
    expect(copy.Thumbprint).toBe(thumbprint);
    expect(copy.Identity).toBe(`RESEXCH01.labs.local\\${thumbprint}`);
    expect(copy.HasPrivateKey).toBe(true);
    expect(copy.Status).toBe('Valid');
    expect(copy.ServicesStringForm).toBe('......');
    const key = org.store.read(
      (tx) => tx.listCertificates('RESEXCH01').find((c) => c.thumbprint === thumbprint)!.privateKey!,
    );
    const spki = createPublicKey(toKeyPair(key).privateKey).export({ type: 'spki', format: 'der' });
    expect(Buffer.from(spki).equals(Buffer.from(readCertificate(issued.der).publicKey))).toBe(true);
    expect((await org.get({ server: 'RESEXCH01' })).map((c) => c.Thumbprint)).toContain(thumbprint);
  });
});
