// The 2.3 session key, offline: PKCS#1 v1.5 unpadding (valid, bad padding, wrong length), the CAPI blobs, AES-CBC.
import { describe, expect, it } from '@jest/globals';
import { constants, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { Secret } from '../../src/node/secret.js';
import { PsrpProtocolError } from '../../src/psrp/psrp-protocol-error.js';
import {
  ClientSessionKey,
  decryptSecureString,
  encryptSecureString,
  pkcs1v15Unpad,
} from '../../src/psrp/session-key.js';

const K = 256;
/** 00 02 PS 00 M with `ps` non-zero bytes. */
function padded(message: Buffer, ps = K - 3 - message.length): Buffer {
  const out = Buffer.alloc(3 + ps + message.length);
  out[1] = 2;
  for (let i = 0; i < ps; i++) out[2 + i] = 1 + (i % 255);
  message.copy(out, 3 + ps);
  return out;
}

describe('pkcs1v15Unpad', () => {
  const key = randomBytes(32);

  it('returns the message of a well-padded block (also an empty one and the shortest padding)', () => {
    expect(pkcs1v15Unpad(padded(key), K)).toEqual(key);
    expect(pkcs1v15Unpad(padded(Buffer.alloc(0)), K)).toEqual(Buffer.alloc(0));
    const long = randomBytes(K - 11);
    expect(pkcs1v15Unpad(padded(long, 8), K)).toEqual(long);
    // A zero inside the message is the message's: only the first zero after the padding separates.
    const withZero = Buffer.concat([Buffer.from([0, 0]), key]);
    expect(pkcs1v15Unpad(padded(withZero), K)).toEqual(withZero);
  });

  it('refuses bad padding with one typed error whatever the fault', () => {
    const faults: Buffer[] = [];
    const b0 = padded(key);
    b0[0] = 1;
    faults.push(b0);
    const b1 = padded(key);
    b1[1] = 1; // block type 1 (signatures), not 2
    faults.push(b1);
    const noZero = Buffer.alloc(K, 0xff);
    noZero[0] = 0;
    noZero[1] = 2;
    faults.push(noZero); // no separator
    faults.push(padded(randomBytes(K - 10), 7)); // seven bytes of padding
    const early = padded(key);
    early[5] = 0; // separator after three bytes
    faults.push(early);
    for (const f of faults) {
      expect(f).toHaveLength(K);
      expect(() => pkcs1v15Unpad(f, K)).toThrow(
        new PsrpProtocolError('key exchange', 'the session key is not PKCS#1 v1.5 padded for this key'),
      );
    }
  });

  it('refuses a block that is not the modulus length', () => {
    expect(() => pkcs1v15Unpad(padded(key).subarray(1), K)).toThrow('the decrypted block is 255 bytes, not 256');
    expect(() => pkcs1v15Unpad(Buffer.concat([padded(key), Buffer.alloc(1)]), K)).toThrow(PsrpProtocolError);
    expect(() => pkcs1v15Unpad(Buffer.alloc(0), 0)).toThrow(PsrpProtocolError);
  });
});

describe('ClientSessionKey', () => {
  const client = new ClientSessionKey();

  it('exports a CAPI PUBLICKEYBLOB: header, RSA1, bit length, exponent, little-endian modulus', () => {
    const blob = client.publicKeyBlob();
    expect(blob).toHaveLength(20 + 256);
    expect([...blob.subarray(0, 8)]).toEqual([0x06, 0x02, 0, 0, 0x00, 0xa4, 0, 0]);
    expect(blob.subarray(8, 12).toString('latin1')).toBe('RSA1');
    expect(blob.readUInt32LE(12)).toBe(2048);
    expect(blob.readUInt32LE(16)).toBe(65537);
  });

  /** What the server sends: the key encrypted (PKCS#1 v1.5) to our public key, as a little-endian SIMPLEBLOB. */
  function simpleBlob(sessionKey: Buffer, head = [0x01, 0x02, 0, 0, 0x10, 0x66, 0, 0, 0x00, 0xa4, 0, 0]): Buffer {
    const blob = client.publicKeyBlob();
    const n = Buffer.from(blob.subarray(20)).reverse();
    const pub = createPublicKey({ key: { kty: 'RSA', n: n.toString('base64url'), e: 'AQAB' }, format: 'jwk' });
    const enc = publicEncrypt({ key: pub, padding: constants.RSA_PKCS1_PADDING }, sessionKey);
    return Buffer.concat([Buffer.from(head), enc.reverse()]);
  }

  it('decrypts the session key of a SIMPLEBLOB made with its public key', () => {
    const key = randomBytes(32);
    expect(client.decryptSessionKey(simpleBlob(key))).toEqual(key);
  });

  it('refuses blobs of the wrong type, algorithm, length or key size', () => {
    const key = randomBytes(32);
    expect(() => client.decryptSessionKey(simpleBlob(key, [6, 2, 0, 0, 0x10, 0x66, 0, 0, 0, 0xa4, 0, 0]))).toThrow(
      'not a SIMPLEBLOB',
    );
    expect(() => client.decryptSessionKey(simpleBlob(key, [1, 2, 0, 0, 0x0e, 0x66, 0, 0, 0, 0xa4, 0, 0]))).toThrow(
      'not AES-256 under RSA',
    );
    expect(() => client.decryptSessionKey(simpleBlob(key).subarray(0, 100))).toThrow('is 100 bytes, not 268');
    expect(() => client.decryptSessionKey(simpleBlob(randomBytes(16)))).toThrow('is 16 bytes, not 32');
    // Encrypted to another key: decrypts to noise, which the unpadding (or the length check) refuses, or is at or
    // above our modulus, which RSA refuses; all typed.
    for (let i = 0; i < 8; i++) expect(() => client.decryptSessionKey(toOtherKey())).toThrow(PsrpProtocolError);
    const tooLarge = Buffer.concat([
      Buffer.from([1, 2, 0, 0, 0x10, 0x66, 0, 0, 0, 0xa4, 0, 0]),
      Buffer.alloc(256, 0xff),
    ]);
    expect(() => client.decryptSessionKey(tooLarge)).toThrow('does not decrypt under our key');
  });
});

/** A SIMPLEBLOB of a session key encrypted to another client's key. */
function toOtherKey(): Buffer {
  const n = Buffer.from(new ClientSessionKey().publicKeyBlob().subarray(20)).reverse();
  const pub = createPublicKey({ key: { kty: 'RSA', n: n.toString('base64url'), e: 'AQAB' }, format: 'jwk' });
  const enc = publicEncrypt({ key: pub, padding: constants.RSA_PKCS1_PADDING }, randomBytes(32));
  return Buffer.concat([Buffer.from([1, 2, 0, 0, 0x10, 0x66, 0, 0, 0, 0xa4, 0, 0]), enc.reverse()]);
}

describe('SecureStrings under the session key', () => {
  it('round trips through AES-256-CBC and refuses a torn body', () => {
    const key = randomBytes(32);
    const body = encryptSecureString(key, new Secret('Zoë-p@ss ✓'));
    expect(Buffer.from(body, 'base64').length % 16).toBe(0);
    expect(decryptSecureString(key, body).reveal()).toBe('Zoë-p@ss ✓');
    expect(() => decryptSecureString(key, body.slice(0, 8))).toThrow('not base64 of whole AES blocks');
  });
});
