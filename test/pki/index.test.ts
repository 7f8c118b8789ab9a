import { describe, expect, it } from '@jest/globals';
import * as pki from '../../src/pki/index.js';

describe('src/pki/index.ts', () => {
  it('exposes the public API', () => {
    for (const name of [
      'parseX500Name',
      'formatWindowsName',
      'cnOf',
      'generateRsaKeyPair',
      'exportPrivateKeyPkcs8',
      'importPrivateKeyPkcs8',
      'publicKeySizeBits',
      'createCertificateRequest',
      'parseCertificateRequest',
      'formatExchangeRequestText',
      'createSelfSignedCertificate',
      'issueCertificate',
      'readCertificate',
      'thumbprintOf',
      'writePfx',
      'readPfx',
      'pickEndEntityCertificate',
      'decodeCertificateData',
      'createVendorCa',
      'loadVendorCa',
    ]) {
      expect(typeof (pki as Record<string, unknown>)[name]).toBe('function');
    }
    expect(pki.SOURCE_DATA_CANNOT_BE_IMPORTED).toBe(
      'The source data cannot be imported or the wrong password was specified.',
    );
  });

  it('runs end to end through the barrel: request, vendor CA, PFX, import decoding', async () => {
    const key = await pki.generateRsaKeyPair(2048);
    const req = await pki.createCertificateRequest({
      subject: 'CN=mail.contoso.com',
      dnsNames: ['mail.contoso.com'],
      key,
    });
    const ca = pki.loadVendorCa(await pki.createVendorCa({ name: 'Barrel CA' }));
    const issued = await ca.issue(req.text);
    const pfx = pki.writePfx({ key, certificate: issued.der, password: 'pw' });
    const decoded = pki.decodeCertificateData(pfx);
    expect(decoded.kind).toBe('pfx');
    expect(pki.thumbprintOf(pki.readPfx(decoded.bytes!, 'pw').endEntity)).toBe(issued.certificate.thumbprint);
  });
});
