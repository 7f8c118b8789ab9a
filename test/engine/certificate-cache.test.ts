import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { keyIdentifier } from '../../src/engine/certificate-cache.js';
import { readCertificate } from '../../src/pki/certificate-info.js';
import { subjectPublicKeyBits } from '../../src/pki/spki.js';
import { scratch } from '../pki/openssl.js';

const tmp = scratch();
afterAll(() => tmp.remove());

/** A self-signed certificate made by openssl with `-newkey <newkey>`. */
function made(newkey: string, name: string, options: string[] = []): Uint8Array {
  const r = tmp.openssl(
    'req',
    '-x509',
    '-newkey',
    newkey,
    ...options,
    '-nodes',
    '-keyout',
    tmp.path(`${name}.key`),
    '-outform',
    'DER',
    '-out',
    tmp.path(`${name}.cer`),
    '-subj',
    `/CN=${name}`,
    '-days',
    '30',
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return new Uint8Array(tmp.read(`${name}.cer`));
}

describe('keyIdentifier (CAPI key identifier, read by node:crypto)', () => {
  it('is SHA-1 of the RSAPublicKey inside the SubjectPublicKeyInfo for RSA keys', () => {
    const info = readCertificate(made('rsa:2048', 'rsa'));
    const expected = createHash('sha1').update(subjectPublicKeyBits(info.publicKey)).digest('hex').toUpperCase();
    expect(keyIdentifier(info)).toBe(expected);
  });

  it('is SHA-1 of the whole SubjectPublicKeyInfo for other keys', () => {
    const info = readCertificate(made('ec', 'ec', ['-pkeyopt', 'ec_paramgen_curve:prime256v1']));
    expect(info.publicKeyAlgorithm).toBe('EC');
    expect(keyIdentifier(info)).toBe(createHash('sha1').update(info.publicKey).digest('hex').toUpperCase());
  });
});
