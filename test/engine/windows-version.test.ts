// The server's Windows version (issue 10): AES-encrypted PFX files and the WMSVC certificate's name.
import { describe, expect, it } from '@jest/globals';
import { createSelfSignedCertificate, writePfx } from '../../src/pki/index.js';
import { secret } from '../../src/node/secret.js';
import { DEFAULT_WINDOWS, parseWindowsServer } from '../../src/spec/windows-server.js';
import { pooledKeys } from './support/key-pool.js';
import { BASE_TIME, testOrg } from './support/test-org.js';

const SOURCE = 'The source data cannot be imported or the wrong password was specified.';

async function pfx(algorithm: '3des' | 'aes256'): Promise<{ bytes: Uint8Array; thumbprint: string }> {
  const key = await pooledKeys(2048);
  const cert = await createSelfSignedCertificate({
    key,
    subject: 'CN=mail.contoso.com',
    dnsNames: ['mail.contoso.com'],
    notBefore: BASE_TIME,
  });
  return {
    bytes: writePfx({ key, certificate: cert.der, password: 'Pass1word', algorithm }),
    thumbprint: cert.thumbprint,
  };
}

describe('the Windows version of a mock server', () => {
  it('defaults by Exchange version: 2010 2008R2, 2013 2012R2, 2016 2016, 2019 2019, SE 2022', () => {
    expect(DEFAULT_WINDOWS).toEqual({ 2010: '2008R2', 2013: '2012R2', 2016: '2016', 2019: '2019', SE: '2022' });
    expect(parseWindowsServer('2012r2')).toBe('2012R2');
    expect(() => parseWindowsServer('2003')).toThrow(/--windows '2003'.*2008R2, 2012R2, 2016, 2019, 2022, 2025/);
  });

  it('an AES (PBES2) PFX fails to import on Windows Server 2016 and older with the wrong-password message', async () => {
    const org = await testOrg([
      { name: 'EX13', fqdn: 'EX13.contoso.com', exchange: '2013' },
      { name: 'EX16', fqdn: 'EX16.contoso.com', exchange: '2016' },
      { name: 'EX19', fqdn: 'EX19.contoso.com', exchange: '2019' },
      { name: 'EX16N', fqdn: 'EX16N.contoso.com', exchange: '2016', windows: '2019' },
    ]);
    const aes = await pfx('aes256');
    for (const server of ['EX13', 'EX16']) {
      const before = org.snapshot();
      const r = await org.run('Import-ExchangeCertificate', {
        server,
        fileData: aes.bytes,
        password: secret('Pass1word'),
      });
      expect(r.errors.map((e) => e.message)).toEqual([`A special Rpc error occurs on server ${server}: ${SOURCE}`]);
      expect(org.snapshot()).toBe(before);
    }
    for (const server of ['EX19', 'EX16N']) {
      const r = await org.run('Import-ExchangeCertificate', {
        server,
        fileData: aes.bytes,
        password: secret('Pass1word'),
      });
      expect(r.errors).toEqual([]);
    }
    const legacy = await pfx('3des');
    expect(
      (
        await org.run('Import-ExchangeCertificate', {
          server: 'EX13',
          fileData: legacy.bytes,
          password: secret('Pass1word'),
        })
      ).errors,
    ).toEqual([]);
  });

  it('names the WMSVC certificate WMSvc-<host> on 2012 R2 and older, WMSvc-SHA2-<host> on newer Windows', async () => {
    const org = await testOrg([
      { name: 'EX13', fqdn: 'EX13.contoso.com', exchange: '2013' },
      { name: 'EX16', fqdn: 'EX16.contoso.com', exchange: '2016' },
      { name: 'EX13N', fqdn: 'EX13N.contoso.com', exchange: '2013', windows: '2016' },
    ]);
    const wmsvc = async (server: string) =>
      (await org.get({ server })).find((c) => /^CN=WMSvc/.test(c.Subject))!.Subject;
    expect(await wmsvc('EX13')).toBe('CN=WMSvc-EX13');
    expect(await wmsvc('EX16')).toBe('CN=WMSvc-SHA2-EX16');
    expect(await wmsvc('EX13N')).toBe('CN=WMSvc-SHA2-EX13N');
  });
});
