import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import {
  createCertificateRequest,
  formatExchangeRequestText,
  parseCertificateRequest,
  verifyCertificateRequest,
} from '../../src/pki/certificate-request.js';
import type { CertificateRequestInfo } from '../../src/pki/certificate-request.js';
import { exportPublicKeySpki, generateRsaKeyPair } from '../../src/pki/rsa-key.js';
import type { RsaKeyPair } from '../../src/pki/rsa-key.js';
import { toPem } from '../../src/pki/pem.js';
import { scratch } from './openssl.js';
import { caught, rejected } from './caught.js';

const SUBJECT = 'c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl';
const NAMES = ['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl', 'mail.exchangefun.nl'];

let pair: RsaKeyPair;
let req: CertificateRequestInfo;
const tmp = scratch();
beforeAll(async () => {
  pair = await generateRsaKeyPair(2048);
  req = await createCertificateRequest({ subject: SUBJECT, dnsNames: NAMES, key: pair });
});
afterAll(() => tmp.remove());

describe('Exchange request text (rule 52)', () => {
  it('has the NEW CERTIFICATE REQUEST lines, 64-column base64 and CR LF after every line', () => {
    const lines = req.text.split('\r\n');
    expect(lines[0]).toBe('-----BEGIN NEW CERTIFICATE REQUEST-----');
    expect(lines.at(-2)).toBe('-----END NEW CERTIFICATE REQUEST-----');
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(1, -2);
    expect(body.slice(0, -1).every((l) => l.length === 64)).toBe(true);
    expect(body.at(-1)!.length).toBeGreaterThan(0);
    expect(body.at(-1)!.length).toBeLessThanOrEqual(64);
    expect(req.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(Buffer.from(body.join(''), 'base64').equals(Buffer.from(req.der))).toBe(true);
  });

  it('does not add a blank line when the base64 fills the last line exactly', () => {
    const text = formatExchangeRequestText(new Uint8Array(48));
    expect(text).toBe(
      `-----BEGIN NEW CERTIFICATE REQUEST-----\r\n${'A'.repeat(64)}\r\n-----END NEW CERTIFICATE REQUEST-----\r\n`,
    );
  });

  it('verifies with openssl req -verify and carries subject, SAN, key usage and EKU', () => {
    tmp.write('req.txt', req.text);
    const verify = tmp.openssl('req', '-verify', '-noout', '-in', 'req.txt');
    expect(verify.status).toBe(0);
    expect(verify.stdout + verify.stderr).toMatch(/verify OK/);
    const text = tmp.openssl('req', '-in', 'req.txt', '-noout', '-text', '-nameopt', 'RFC2253').stdout;
    expect(text).toContain('Subject: CN=webmail.exchangefun.nl,OU=RND,O=Exchangefun bv,L=Emmeloord,ST=Flevoland,C=NL');
    expect(text).toContain('DNS:webmail.exchangefun.nl, DNS:autodiscover.exchangefun.nl, DNS:mail.exchangefun.nl');
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Key Encipherment/);
    expect(text).toMatch(/Extended Key Usage:\s+TLS Web Server Authentication/);
    expect(text).toContain('sha256WithRSAEncryption');
  });

  it('keeps the typed order in DER (CertEnroll), so Windows shows CN first', () => {
    expect(req.subject).toBe('CN=webmail.exchangefun.nl, OU=RND, O=Exchangefun bv, L=Emmeloord, S=Flevoland, C=NL');
    expect(req.subjectCn).toBe('webmail.exchangefun.nl');
    expect(req.dnsNames).toEqual(NAMES);
    expect(req.signatureAlgorithm).toBe('sha256RSA');
    expect(req.publicKeySize).toBe(2048);
    expect(Buffer.from(req.publicKey).equals(Buffer.from(exportPublicKeySpki(pair)))).toBe(true);
  });

  it('leaves out the SAN extension when there are no names', async () => {
    const bare = await createCertificateRequest({ subject: 'CN=mail.contoso.com', key: pair });
    expect(bare.dnsNames).toEqual([]);
    tmp.write('bare.txt', bare.text);
    expect(tmp.openssl('req', '-in', 'bare.txt', '-noout', '-text').stdout).not.toContain('Subject Alternative Name');
  });

  it('rejects invalid DNS names, subjects and non-RSA keys', async () => {
    expect(
      (await rejected(createCertificateRequest({ subject: 'CN=x', dnsNames: ['bad name'], key: pair }))).code,
    ).toBe('INVALID_DNS_NAME');
    expect((await rejected(createCertificateRequest({ subject: 'CN=x, Q=1', key: pair }))).code).toBe(
      'INVALID_X500_NAME',
    );
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect((await rejected(createCertificateRequest({ subject: 'CN=x', key: ec.privateKey }))).code).toBe(
      'INVALID_KEY',
    );
  });
});

describe('parseCertificateRequest', () => {
  it('reads DER, standard PEM, bare base64 and UTF-16LE text bytes alike', () => {
    const pem = toPem(req.der, 'CERTIFICATE REQUEST');
    const forms: (string | Uint8Array)[] = [
      req.text,
      req.der,
      pem,
      Buffer.from(req.der).toString('base64'),
      Buffer.from(req.text, 'utf16le'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(req.text, 'utf16le')]),
      Buffer.from(req.text, 'utf8'),
    ];
    for (const form of forms) {
      const parsed = parseCertificateRequest(form);
      expect(Buffer.from(parsed.der).equals(Buffer.from(req.der))).toBe(true);
      expect(parsed.text).toBe(req.text);
      expect(parsed.dnsNames).toEqual(NAMES);
    }
  });

  it('reads a request made by openssl', () => {
    const r = tmp.openssl(
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'o.key',
      '-out',
      'o.csr',
      '-subj',
      '/C=US/O=Contoso/CN=mail.contoso.com',
      '-addext',
      'subjectAltName=DNS:mail.contoso.com,DNS:owa.contoso.com',
    );
    expect(r.status).toBe(0);
    const parsed = parseCertificateRequest(tmp.read('o.csr').toString('utf8'));
    expect(parsed.subject).toBe('CN=mail.contoso.com, O=Contoso, C=US');
    expect(parsed.dnsNames).toEqual(['mail.contoso.com', 'owa.contoso.com']);
  });

  it('verifies signatures and spots tampering', async () => {
    expect(await verifyCertificateRequest(req.text)).toBe(true);
    expect(await verifyCertificateRequest(req)).toBe(true);
    const tampered = new Uint8Array(req.der);
    tampered[tampered.length - 5]! ^= 0xff;
    expect(await verifyCertificateRequest(tampered)).toBe(false);
  });

  it('rejects other data with INVALID_REQUEST', () => {
    expect(caught(() => parseCertificateRequest('hello world')).code).toBe('INVALID_REQUEST');
    expect(caught(() => parseCertificateRequest(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).code).toBe(
      'INVALID_REQUEST',
    );
    expect(caught(() => parseCertificateRequest(toPem(req.der, 'CERTIFICATE'))).message).toContain('found CERTIFICATE');
  });
});
