import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createSelfSignedCertificate,
  issueCertificate,
  readCertificate,
  thumbprintOf,
} from '../../src/pki/certificate.js';
import type { CertificateInfo } from '../../src/pki/certificate.js';
import { createCertificateRequest } from '../../src/pki/certificate-request.js';
import { buildCertificate } from '../../src/pki/build-certificate.js';
import { keyUsageExtension } from '../../src/pki/certificate-extensions.js';
import { encodeX500Name, parseX500Name } from '../../src/pki/x500-name.js';
import { addMonthsUtc } from '../../src/pki/calendar.js';
import { exportPrivateKeyPem, exportPublicKeySpki, generateRsaKeyPair } from '../../src/pki/rsa-key.js';
import type { RsaKeyPair } from '../../src/pki/rsa-key.js';
import { toPem } from '../../src/pki/pem.js';
import { x509 } from '../../src/pki/crypto-provider.js';
import { scratch } from './openssl.js';
import { caught, rejected } from './caught.js';

const NOW = new Date('2023-02-02T03:09:22.345Z');
let pair: RsaKeyPair;
let caPair: RsaKeyPair;
let exchangeDefault: CertificateInfo;
const tmp = scratch();

beforeAll(async () => {
  [pair, caPair] = await Promise.all([generateRsaKeyPair(2048), generateRsaKeyPair(2048)]);
  exchangeDefault = await createSelfSignedCertificate({
    key: pair,
    subject: 'CN=MOS-MAIL',
    dnsNames: ['MOS-MAIL', 'MOS-MAIL.contoso.local'],
    notBefore: NOW,
  });
});
afterAll(() => tmp.remove());

describe('createSelfSignedCertificate (New-ExchangeCertificate)', () => {
  it('shows what Get-ExchangeCertificate shows for the default certificate', () => {
    const c = exchangeDefault;
    expect(c.subject).toBe('CN=MOS-MAIL');
    expect(c.issuer).toBe('CN=MOS-MAIL');
    expect(c.isSelfSigned).toBe(true);
    expect(c.certificateDomains).toEqual(['MOS-MAIL', 'MOS-MAIL.contoso.local']);
    expect(c.dnsNames).toEqual(['MOS-MAIL', 'MOS-MAIL.contoso.local']);
    expect(c.publicKeySize).toBe(2048);
    expect(c.publicKeyAlgorithm).toBe('RSA');
    expect(c.signatureAlgorithm).toBe('sha256RSA');
    expect(c.version).toBe(3);
    expect(c.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    expect(c.serialNumber).toMatch(/^[0-7][0-9A-F]{31}$/);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('starts at the given instant (whole seconds) and ends 60 calendar months later at the same time of day', () => {
    expect(exchangeDefault.notBefore.toISOString()).toBe('2023-02-02T03:09:22.000Z');
    expect(exchangeDefault.notAfter.toISOString()).toBe('2028-02-02T03:09:22.000Z');
    expect(addMonthsUtc(new Date('2024-01-31T10:00:00Z'), 1).toISOString()).toBe('2024-02-29T10:00:00.000Z');
    expect(addMonthsUtc(new Date('2024-02-29T10:00:00Z'), 60).toISOString()).toBe('2029-02-28T10:00:00.000Z');
  });

  it('has the extensions of rule 109 and no SKI unless asked', () => {
    const c = exchangeDefault;
    expect(c.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    expect(c.enhancedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(c.isCa).toBe(false);
    expect(c.subjectKeyIdentifier).toBeUndefined();
    tmp.write('default.der', c.der);
    const text = tmp.openssl('x509', '-inform', 'DER', '-in', 'default.der', '-noout', '-text').stdout;
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Key Encipherment/);
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toContain('DNS:MOS-MAIL, DNS:MOS-MAIL.contoso.local');
    expect(text).toContain('Not After : Feb  2 03:09:22 2028 GMT');
  });

  it('thumbprintOf equals openssl x509 -fingerprint -sha1', () => {
    tmp.write('default.pem', toPem(exchangeDefault.der, 'CERTIFICATE'));
    const out = tmp.openssl('x509', '-in', 'default.pem', '-noout', '-fingerprint', '-sha1').stdout;
    const fingerprint = out.trim().split('=')[1]!.replaceAll(':', '');
    expect(thumbprintOf(exchangeDefault.der)).toBe(fingerprint);
    expect(exchangeDefault.thumbprint).toBe(fingerprint);
  });

  it('signs with SHA-1 when asked (setup-made certificates) and adds a given SKI', async () => {
    const c = await createSelfSignedCertificate({
      key: pair,
      subject: 'CN=Microsoft Exchange Server Auth Certificate',
      hash: 'SHA-1',
      subjectKeyIdentifier: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      notBefore: NOW,
    });
    expect(c.signatureAlgorithm).toBe('sha1RSA');
    expect(c.subjectKeyIdentifier).toBe('A1B2C3D4E5F60718293A4B5C6D7E8F90');
    expect(c.dnsNames).toEqual([]);
    expect(c.certificateDomains).toEqual([]);
    tmp.write('auth.der', c.der);
    expect(tmp.openssl('x509', '-inform', 'DER', '-in', 'auth.der', '-noout', '-text').stdout).not.toContain(
      'Subject Alternative Name',
    );
  });

  it('encodes -SubjectName like .NET (Reversed), so Windows shows it as typed', async () => {
    const c = await createSelfSignedCertificate({
      key: pair,
      subject: 'C=NL, S=Flevoland, O=Exchangefun bv, CN=webmail.exchangefun.nl',
      notBefore: NOW,
    });
    expect(c.subject).toBe('C=NL, S=Flevoland, O=Exchangefun bv, CN=webmail.exchangefun.nl');
    expect(c.certificateDomains).toEqual(['webmail.exchangefun.nl']);
    tmp.write('typed.der', c.der);
    const rfc2253 = tmp
      .openssl('x509', '-inform', 'DER', '-in', 'typed.der', '-noout', '-subject', '-nameopt', 'RFC2253')
      .stdout.trim();
    expect(rfc2253).toBe('subject=C=NL,ST=Flevoland,O=Exchangefun bv,CN=webmail.exchangefun.nl');
  });

  it('defaults the subject to CN=<first name shorter than 64 characters> (rule 108)', async () => {
    const long = `${'a'.repeat(60)}.contoso.com`;
    const c = await createSelfSignedCertificate({
      key: pair,
      dnsNames: [long, 'mail.contoso.com'],
      notBefore: NOW,
      validityMonths: 12,
    });
    expect(c.subject).toBe('CN=mail.contoso.com');
    expect(c.certificateDomains).toEqual(['mail.contoso.com', long]);
    expect(c.notAfter.toISOString()).toBe('2024-02-02T03:09:22.000Z');
    expect((await rejected(createSelfSignedCertificate({ key: pair }))).code).toBe('INVALID_ARGUMENT');
    expect((await rejected(createSelfSignedCertificate({ key: pair, dnsNames: ['no spaces allowed'] }))).code).toBe(
      'INVALID_DNS_NAME',
    );
    expect(
      (await rejected(createSelfSignedCertificate({ key: pair, subject: 'CN=x', subjectKeyIdentifier: 'xyz' }))).code,
    ).toBe('INVALID_ARGUMENT');
  });
});

describe('issueCertificate', () => {
  let ca: CertificateInfo;
  beforeAll(async () => {
    const name = encodeX500Name(parseX500Name('O=Test CA, CN=Test Root'));
    const spki = exportPublicKeySpki(caPair);
    const der = await buildCertificate({
      subject: name,
      issuer: name,
      publicKey: spki,
      signingKey: caPair,
      hash: 'SHA-256',
      notBefore: NOW,
      notAfter: addMonthsUtc(NOW, 120),
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        keyUsageExtension(['keyCertSign', 'cRLSign']),
        await x509.SubjectKeyIdentifierExtension.create(spki.slice().buffer),
      ],
    });
    ca = readCertificate(der);
  });

  it('copies subject and SANs from the request and chains to the CA (openssl verify)', async () => {
    const req = await createCertificateRequest({
      subject: 'C=NL, O=Exchangefun bv, CN=webmail.exchangefun.nl',
      dnsNames: ['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl'],
      key: pair,
    });
    const leaf = await issueCertificate({
      request: req.text,
      issuerCertificate: toPem(ca.der, 'CERTIFICATE'),
      issuerKey: exportPrivateKeyPem(caPair),
      notBefore: NOW,
      days: 90,
    });
    expect(leaf.subject).toBe('CN=webmail.exchangefun.nl, O=Exchangefun bv, C=NL');
    expect(leaf.issuer).toBe('CN=Test Root, O=Test CA');
    expect(leaf.dnsNames).toEqual(['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl']);
    expect(leaf.isSelfSigned).toBe(false);
    expect(leaf.authorityKeyIdentifier).toBe(ca.subjectKeyIdentifier);
    expect(leaf.subjectKeyIdentifier).toMatch(/^[0-9A-F]{40}$/);
    expect(leaf.notAfter.getTime() - leaf.notBefore.getTime()).toBe(90 * 86_400_000);
    expect(Buffer.from(leaf.publicKey).equals(Buffer.from(req.publicKey))).toBe(true);
    tmp.write('ca.pem', toPem(ca.der, 'CERTIFICATE'));
    tmp.write('leaf.pem', toPem(leaf.der, 'CERTIFICATE'));
    const r = tmp.openssl(
      'verify',
      '-attime',
      String(Math.floor(NOW.getTime() / 1000) + 60),
      '-CAfile',
      'ca.pem',
      'leaf.pem',
    );
    expect(r.stdout.trim()).toBe('leaf.pem: OK');
  });

  it('refuses a tampered request and a key that is not the CA key', async () => {
    const req = await createCertificateRequest({ subject: 'CN=a.contoso.com', key: pair });
    const tampered = new Uint8Array(req.der);
    tampered[tampered.length - 3]! ^= 1;
    expect(
      (await rejected(issueCertificate({ request: tampered, issuerCertificate: ca.der, issuerKey: caPair }))).code,
    ).toBe('INVALID_REQUEST');
    expect((await rejected(issueCertificate({ request: req, issuerCertificate: ca.der, issuerKey: pair }))).code).toBe(
      'INVALID_KEY',
    );
  });
});

describe('readCertificate on certificates made by openssl', () => {
  it('prints a serial with the high bit set with its leading 00, as Windows does', () => {
    const r = tmp.openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      's.key',
      '-out',
      's.pem',
      '-subj',
      '/C=US/ST=WA/O=Contoso, Ltd/CN=*.contoso.com',
      '-set_serial',
      '0x80112233',
      '-days',
      '30',
    );
    expect(r.status).toBe(0);
    const c = readCertificate(tmp.read('s.pem'));
    expect(c.serialNumber).toBe('0080112233');
    expect(c.subject).toBe('CN=*.contoso.com, O="Contoso, Ltd", S=WA, C=US');
    expect(c.certificateDomains).toEqual(['*.contoso.com']);
    expect(c.isSelfSigned).toBe(true);
    expect(c.isCa).toBe(true);
    expect(c.keyUsage).toBeUndefined();
    expect(c.thumbprint).toBe(
      tmp
        .openssl('x509', '-in', 's.pem', '-noout', '-fingerprint', '-sha1')
        .stdout.trim()
        .split('=')[1]!
        .replaceAll(':', ''),
    );
  });

  it('reads EC certificates too', () => {
    const r = tmp.openssl(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-384',
      '-nodes',
      '-keyout',
      'ec.key',
      '-out',
      'ec.pem',
      '-subj',
      '/CN=ec.contoso.com',
      '-days',
      '30',
    );
    expect(r.status).toBe(0);
    const c = readCertificate(tmp.read('ec.pem').toString('utf8'));
    expect(c.publicKeyAlgorithm).toBe('EC');
    expect(c.publicKeySize).toBe(384);
    expect(c.signatureAlgorithm).toBe('sha256ECDSA');
  });

  it('rejects data that is not a certificate', () => {
    expect(caught(() => readCertificate(new Uint8Array([1, 2, 3]))).code).toBe('INVALID_CERTIFICATE');
    expect(caught(() => readCertificate('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n')).code).toBe(
      'INVALID_CERTIFICATE',
    );
  });
});
