import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { certificateDataToText, decodeCertificateData, decodeCertificateText } from '../../src/pki/certificate-data.js';
import { createSelfSignedCertificate, thumbprintOf } from '../../src/pki/certificate.js';
import type { CertificateInfo } from '../../src/pki/certificate.js';
import { writePfx } from '../../src/pki/pkcs12.js';
import { generateRsaKeyPair } from '../../src/pki/rsa-key.js';
import { toPem } from '../../src/pki/pem.js';
import { scratch } from './openssl.js';

const tmp = scratch();
let cert: CertificateInfo;
let other: CertificateInfo;
let pfx: Uint8Array;
let pem: string;

beforeAll(async () => {
  const pair = await generateRsaKeyPair(2048);
  cert = await createSelfSignedCertificate({
    key: pair,
    subject: 'CN=mail.contoso.com',
    dnsNames: ['mail.contoso.com'],
  });
  other = await createSelfSignedCertificate({ key: pair, subject: 'CN=other.contoso.com' });
  pfx = writePfx({ key: pair, certificate: cert.der, password: 'pw' });
  pem = toPem(cert.der, 'CERTIFICATE');
});
afterAll(() => tmp.remove());

const thumbs = (certs: readonly Uint8Array[]): string[] => certs.map(thumbprintOf);

describe('decodeCertificateData (Import-ExchangeCertificate -FileData)', () => {
  it('reads a PEM certificate file as text and strips its markers', () => {
    const d = decodeCertificateData(Buffer.from(pem));
    expect(d.kind).toBe('certificate');
    expect(d.text).not.toContain('-----');
    expect(thumbs(d.certificates)).toEqual([cert.thumbprint]);
  });

  it('accepts CRLF, surrounding white space and lower-case markers', () => {
    const text = `\r\n  ${pem.replace(/\n/g, '\r\n').replace('BEGIN CERTIFICATE', 'begin certificate')}  \r\n\r\n`;
    expect(decodeCertificateData(Buffer.from(text)).kind).toBe('certificate');
  });

  it('base64-encodes binary data: DER certificates and PFX files', () => {
    const der = decodeCertificateData(cert.der);
    expect(der.kind).toBe('certificate');
    expect(der.text).toBe(Buffer.from(cert.der).toString('base64'));
    const p = decodeCertificateData(pfx);
    expect(p.kind).toBe('pfx');
    expect(Buffer.from(p.bytes!).equals(Buffer.from(pfx))).toBe(true);
    expect(certificateDataToText(pfx)).toBe(Buffer.from(pfx).toString('base64'));
  });

  it('reads PKCS#7 (.p7b) files, DER and PEM, with all their certificates', () => {
    tmp.write('chain.pem', pem + toPem(other.der, 'CERTIFICATE'));
    expect(tmp.openssl('crl2pkcs7', '-nocrl', '-certfile', 'chain.pem', '-out', 'chain.p7b').status).toBe(0);
    expect(
      tmp.openssl('crl2pkcs7', '-nocrl', '-certfile', 'chain.pem', '-outform', 'DER', '-out', 'chain.p7b.der').status,
    ).toBe(0);
    const fromPem = decodeCertificateData(tmp.read('chain.p7b'));
    expect(tmp.read('chain.p7b').toString()).toMatch(/^-----BEGIN PKCS7-----/);
    expect(fromPem.kind).toBe('pkcs7');
    expect(thumbs(fromPem.certificates)).toEqual([cert.thumbprint, other.thumbprint]);
    const fromDer = decodeCertificateData(tmp.read('chain.p7b.der'));
    expect(fromDer.kind).toBe('pkcs7');
    expect(thumbs(fromDer.certificates)).toEqual([cert.thumbprint, other.thumbprint]);
  });

  it('cannot decode PEM bundles or PEM with text before the marker, as on Exchange', () => {
    const bundle = decodeCertificateData(Buffer.from(pem + toPem(other.der, 'CERTIFICATE')));
    expect(bundle).toMatchObject({ kind: 'unreadable', reason: 'invalid-base64' });
    const bagAttributes = `Bag Attributes\n    friendlyName: mail\nsubject=CN = mail.contoso.com\n${pem}`;
    expect(decodeCertificateData(Buffer.from(bagAttributes))).toMatchObject({
      kind: 'unreadable',
      reason: 'invalid-base64',
    });
    expect(decodeCertificateData(Buffer.from(pem, 'utf16le'))).toMatchObject({
      kind: 'unreadable',
      reason: 'invalid-base64',
    });
  });

  it('reports empty data and garbage', () => {
    expect(decodeCertificateData(new Uint8Array(0))).toMatchObject({ kind: 'unreadable', reason: 'empty' });
    expect(
      decodeCertificateData(Buffer.from('  -----BEGIN CERTIFICATE----------END CERTIFICATE-----\n')),
    ).toMatchObject({ kind: 'unreadable', reason: 'empty' });
    expect(decodeCertificateData(Buffer.from('hello'))).toMatchObject({ kind: 'unreadable', reason: 'invalid-base64' });
    expect(decodeCertificateData(Buffer.from('AAAAAAAA'))).toMatchObject({
      kind: 'unreadable',
      reason: 'unknown-format',
    });
    const garbage = decodeCertificateData(new Uint8Array([0x80, 0xff, 0x10, 0x20]));
    expect(garbage).toMatchObject({ kind: 'unreadable', reason: 'unknown-format' });
    expect(garbage.text).toBe('gP8QIA==');
  });
});

describe('decodeCertificateText (-Instance)', () => {
  it('joins the strings and decodes them like FileData text', () => {
    const lines = pem.trimEnd().split('\n');
    const d = decodeCertificateText(lines);
    expect(d.kind).toBe('certificate');
    expect(thumbs(d.certificates)).toEqual([cert.thumbprint]);
  });
});
