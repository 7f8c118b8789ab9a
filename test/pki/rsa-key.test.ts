import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import {
  exportPrivateKeyPem,
  exportPrivateKeyPkcs8,
  exportPublicKeySpki,
  generateRsaKeyPair,
  importPrivateKeyPkcs8,
  publicKeySizeBits,
  toKeyPair,
} from '../../src/pki/rsa-key.js';
import type { RsaKeyPair, RsaKeySize } from '../../src/pki/rsa-key.js';
import { PkiError } from '../../src/pki/pki-error.js';
import { scratch } from './openssl.js';
import { caught } from './caught.js';

let pair: RsaKeyPair;
const tmp = scratch();
beforeAll(async () => {
  pair = await generateRsaKeyPair(2048);
});
afterAll(() => tmp.remove());

describe('generateRsaKeyPair', () => {
  it('makes RSA keys of the requested size with exponent 65537', async () => {
    expect(pair.privateKey.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    const small = await generateRsaKeyPair(1024);
    expect(publicKeySizeBits(small.publicKey)).toBe(1024);
  });

  it('rejects sizes Exchange does not allow', async () => {
    await expect(generateRsaKeyPair(3072 as RsaKeySize)).rejects.toMatchObject({
      code: 'INVALID_KEY_SIZE',
      message: expect.stringContaining('1024, 2048 and 4096'),
    });
  });
});

describe('PKCS#8 and SPKI', () => {
  it('round-trips PKCS#8 DER and PEM', () => {
    const der = exportPrivateKeyPkcs8(pair);
    expect(der[0]).toBe(0x30);
    const back = importPrivateKeyPkcs8(der);
    expect(Buffer.from(exportPublicKeySpki(back)).equals(Buffer.from(exportPublicKeySpki(pair)))).toBe(true);
    const pem = exportPrivateKeyPem(pair);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(Buffer.from(exportPrivateKeyPkcs8(importPrivateKeyPkcs8(pem))).equals(Buffer.from(der))).toBe(true);
  });

  it('writes PKCS#8 that openssl reads as the same key', () => {
    tmp.write('key.pem', exportPrivateKeyPem(pair));
    const r = tmp.openssl('pkey', '-in', 'key.pem', '-pubout', '-outform', 'DER', '-out', 'pub.der');
    expect(r.status).toBe(0);
    expect(tmp.read('pub.der').equals(Buffer.from(exportPublicKeySpki(pair)))).toBe(true);
  });

  it('reports public key sizes from key objects and SPKI bytes', () => {
    expect(publicKeySizeBits(pair.privateKey)).toBe(2048);
    expect(publicKeySizeBits(exportPublicKeySpki(pair))).toBe(2048);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(publicKeySizeBits(ec.publicKey)).toBe(256);
  });

  it('rejects data that is not a private key', () => {
    expect(() => toKeyPair(new Uint8Array([1, 2, 3]))).toThrow(PkiError);
    expect(caught(() => importPrivateKeyPkcs8('not pem')).code).toBe('INVALID_KEY');
    expect(() => toKeyPair(pair.publicKey)).toThrow(/Expected a private key/);
  });
});
