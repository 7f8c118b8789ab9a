import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createVendorCa, loadVendorCa } from '../../src/pki/vendor-ca.js';
import type { VendorIssuedCertificate, VendorCa, VendorCaState } from '../../src/pki/vendor-ca.js';
import { createCertificateRequest } from '../../src/pki/certificate-request.js';
import type { CertificateRequestInfo } from '../../src/pki/certificate-request.js';
import { generateRsaKeyPair } from '../../src/pki/rsa-key.js';
import { decodeCertificateData } from '../../src/pki/certificate-data.js';
import { pickEndEntityCertificate, readPfx, writePfx } from '../../src/pki/pkcs12.js';
import { thumbprintOf } from '../../src/pki/thumbprint.js';
import { scratch } from './openssl.js';
import { caught, rejected } from './caught.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const tmp = scratch();
let state: VendorCaState;
let ca: VendorCa;
let req: CertificateRequestInfo;
let issued: VendorIssuedCertificate;
let requestKey: Awaited<ReturnType<typeof generateRsaKeyPair>>;

beforeAll(async () => {
  state = await createVendorCa({ name: 'Fabrikam Trust', now: NOW });
  ca = loadVendorCa(JSON.parse(JSON.stringify(state)) as VendorCaState);
  requestKey = await generateRsaKeyPair(2048);
  req = await createCertificateRequest({
    subject: 'C=NL, O=Exchangefun bv, CN=webmail.exchangefun.nl',
    dnsNames: ['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl'],
    key: requestKey,
  });
  issued = await ca.issue(req.text, { days: 365, now: NOW });
  tmp.write('root.pem', state.root.certificatePem);
  tmp.write('inter.pem', state.intermediate.certificatePem);
  tmp.write('leaf.pem', issued.pem);
});
afterAll(() => tmp.remove());

describe('createVendorCa / loadVendorCa', () => {
  it('keeps its state as plain JSON of PEM certificates and PKCS#8 keys', () => {
    expect(state.format).toBe('exchcert-vendor-ca/1');
    expect(state.root.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(state.intermediate.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(caught(() => loadVendorCa({} as VendorCaState)).code).toBe('INVALID_ARGUMENT');
    return expect(rejected(createVendorCa({ name: '  ' }))).resolves.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('makes a 20-year root and a 10-year intermediate with CA constraints, key usage and key identifiers', () => {
    const { root, intermediate } = ca;
    expect(root.subject).toBe('CN=Fabrikam Trust Root CA, O=Fabrikam Trust');
    expect(root.isSelfSigned).toBe(true);
    expect(root.notAfter.toISOString()).toBe('2046-03-01T12:00:00.000Z');
    expect(intermediate.issuer).toBe(root.subject);
    expect(intermediate.notAfter.toISOString()).toBe('2036-03-01T12:00:00.000Z');
    for (const c of [root, intermediate]) {
      expect(c.isCa).toBe(true);
      expect(c.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
      expect(c.subjectKeyIdentifier).toMatch(/^[0-9A-F]{40}$/);
    }
    expect(intermediate.authorityKeyIdentifier).toBe(root.subjectKeyIdentifier);
    const text = tmp.openssl('x509', '-in', 'inter.pem', '-noout', '-text').stdout;
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
  });
});

describe('issue', () => {
  it('issues a leaf that openssl verifies against root + intermediate', () => {
    const r = tmp.openssl(
      'verify',
      '-attime',
      String(NOW.getTime() / 1000 + 3600),
      '-CAfile',
      'root.pem',
      '-untrusted',
      'inter.pem',
      'leaf.pem',
    );
    expect(r.stdout.trim()).toBe('leaf.pem: OK');
    expect(
      tmp.openssl(
        'verify',
        '-attime',
        String(NOW.getTime() / 1000 + 3600),
        '-purpose',
        'sslserver',
        '-CAfile',
        'root.pem',
        '-untrusted',
        'inter.pem',
        'leaf.pem',
      ).status,
    ).toBe(0);
  });

  it('copies subject and SANs from the request and sets TLS server usages', () => {
    const leaf = issued.certificate;
    expect(leaf.subject).toBe('CN=webmail.exchangefun.nl, O=Exchangefun bv, C=NL');
    expect(leaf.issuer).toBe('CN=Fabrikam Trust TLS Issuing CA, O=Fabrikam Trust');
    expect(leaf.certificateDomains).toEqual(['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl']);
    expect(leaf.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    expect(leaf.enhancedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(leaf.isCa).toBe(false);
    expect(leaf.authorityKeyIdentifier).toBe(ca.intermediate.subjectKeyIdentifier);
    expect(leaf.notBefore.toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(leaf.notAfter.toISOString()).toBe('2027-03-01T12:00:00.000Z');
    expect(Buffer.from(issued.der).equals(Buffer.from(leaf.der))).toBe(true);
  });

  it('hands out the chain as PEM and as a .p7b that openssl and Import-ExchangeCertificate read', () => {
    expect(issued.chainPem).toBe(issued.pem + state.intermediate.certificatePem);
    tmp.write('chain.p7b', issued.pkcs7);
    const printed = tmp.openssl('pkcs7', '-inform', 'DER', '-in', 'chain.p7b', '-print_certs', '-noout').stdout;
    expect(printed).toContain('subject=C = NL, O = Exchangefun bv, CN = webmail.exchangefun.nl');
    expect(printed).toContain('subject=O = Fabrikam Trust, CN = Fabrikam Trust TLS Issuing CA');
    const decoded = decodeCertificateData(issued.pkcs7);
    expect(decoded.kind).toBe('pkcs7');
    expect(decoded.certificates.map(thumbprintOf)).toEqual([issued.certificate.thumbprint, ca.intermediate.thumbprint]);
    expect(pickEndEntityCertificate(decoded.certificates)).toBe(0);
  });

  it('ends in a PFX with the request key that reads back to the same leaf', () => {
    const pfx = readPfx(
      writePfx({ key: requestKey, certificate: issued.der, chain: [ca.intermediate.der, ca.root.der], password: 'x' }),
      'x',
    );
    expect(pfx.endEntityIndex).toBe(0);
    expect(pfx.hasPrivateKey).toBe(true);
    expect(thumbprintOf(pfx.endEntity)).toBe(issued.certificate.thumbprint);
  });

  it('refuses a tampered request', async () => {
    const bad = new Uint8Array(req.der);
    bad[bad.length - 2]! ^= 0x55;
    expect((await rejected(ca.issue(bad))).code).toBe('INVALID_REQUEST');
  });
});
