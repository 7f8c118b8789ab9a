import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  certificateFactsJson,
  rememberCertificateFacts,
  storedExtensions,
} from '../../src/pki/certificate-facts-json.js';
import { parsedCertificate, readCertificate } from '../../src/pki/certificate-info.js';
import type { CertificateInfo } from '../../src/pki/certificate-info.js';
import { scratch } from './openssl.js';

const tmp = scratch();
let der: Uint8Array;
let info: CertificateInfo;

beforeAll(() => {
  // A certificate with the extensions Exchange shows (SAN, key usage, EKU, key identifiers, basic constraints).
  tmp.write(
    'ext.cnf',
    [
      '[req]',
      'distinguished_name = dn',
      '[dn]',
      '[v3]',
      'subjectAltName = DNS:mail.contoso.com, DNS:autodiscover.contoso.com',
      'keyUsage = critical, digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      'basicConstraints = CA:FALSE',
      '',
    ].join('\n'),
  );
  const r = tmp.openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    tmp.path('k.pem'),
    '-outform',
    'DER',
    '-out',
    tmp.path('c.cer'),
    '-subj',
    '/C=NL/O=Contoso/CN=mail.contoso.com',
    '-days',
    '30',
    '-config',
    tmp.path('ext.cnf'),
    '-extensions',
    'v3',
  );
  if (r.status !== 0) throw new Error(r.stderr);
  der = new Uint8Array(tmp.read('c.cer'));
  info = readCertificate(der);
});
afterAll(() => tmp.remove());

describe('certificate facts stored beside the DER', () => {
  it('read back, equal what parsing the DER gives, in the same key order, and readCertificate answers with them', () => {
    const text = certificateFactsJson(info);
    expect(text).not.toContain(Buffer.from(der).toString('base64'));
    const back = rememberCertificateFacts(new Uint8Array(der), info.thumbprint, text);
    expect(back).toEqual(info);
    expect(Object.keys(back!)).toEqual(Object.keys(info));
    expect(back!.notAfter).toBeInstanceOf(Date);
    expect(Object.isFrozen(back)).toBe(true);
    expect(readCertificate(der)).toBe(back);
  });

  it('carry the extension list (X509Certificate2.Extensions) so that it needs no parse either', () => {
    rememberCertificateFacts(der, info.thumbprint, certificateFactsJson(info));
    const parsed = (parsedCertificate(info).tbsCertificate.extensions ?? []).map((e) => ({
      oid: e.extnID,
      critical: e.critical,
    }));
    expect(parsed.length).toBeGreaterThanOrEqual(5);
    expect(storedExtensions(info.thumbprint)).toEqual(parsed);
  });

  it('are ignored when written by another version, for another certificate or damaged', () => {
    const facts = JSON.parse(certificateFactsJson(info)) as Record<string, unknown>;
    expect(rememberCertificateFacts(der, info.thumbprint, JSON.stringify({ ...facts, v: 0 }))).toBeUndefined();
    expect(rememberCertificateFacts(der, '0'.repeat(40), JSON.stringify(facts))).toBeUndefined();
    expect(rememberCertificateFacts(der, info.thumbprint, '{"v":1')).toBeUndefined();
  });
});
