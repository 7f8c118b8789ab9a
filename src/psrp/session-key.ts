// The protocol 2.3 session key (MS-PSRP 3.1.5.4.2-3): our RSA key as a CAPI PUBLICKEYBLOB, the server's SIMPLEBLOB
// decrypted with RSA without padding and PKCS#1 v1.5 removed here in constant time (Node 20 refuses PKCS#1 v1.5
// private decryption, CVE-2023-46809), then SecureStrings as AES-256-CBC of their UTF-16 text.
import { constants, createCipheriv, createDecipheriv, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { Secret } from '../node/secret.js';
import { PsrpProtocolError } from './psrp-protocol-error.js';

const PUBLICKEYBLOB = 0x06;
const SIMPLEBLOB = 0x01;
const CUR_BLOB_VERSION = 0x02;
const CALG_RSA_KEYX = 0x0000a400;
const CALG_AES_256 = 0x00006610;
const RSA1 = 0x31415352;
const AES_KEY_BYTES = 32;
// CBC with a zero IV, as PowerShell's PSRemotingCryptoHelper does (each SecureString is encrypted on its own).
const IV = Buffer.alloc(16);

const fail = (message: string, cause?: unknown): never => {
  throw new PsrpProtocolError('key exchange', message, cause === undefined ? undefined : { cause });
};

/** `a === b` for bytes as 1 or 0, without a data-dependent branch. */
const eq = (a: number, b: number) => (((a ^ b) - 1) >>> 31) & 1;

/**
 * Removes PKCS#1 v1.5 encryption padding (00 02 PS 00 M, PS at least 8 non-zero bytes) from a decrypted block of
 * the modulus' length, touching every byte whatever the content; any fault is the same one error.
 * @example pkcs1v15Unpad(block, 256) // the 32-byte session key
 */
export function pkcs1v15Unpad(em: Uint8Array, modulusBytes: number): Buffer {
  if (em.length !== modulusBytes || modulusBytes < 11)
    fail(`the decrypted block is ${em.length} bytes, not ${modulusBytes}`);
  let good = eq(em[0]!, 0) & eq(em[1]!, 2);
  let looking = 1;
  let zeroAt = 0;
  for (let i = 2; i < em.length; i++) {
    const isZero = eq(em[i]!, 0);
    const take = looking & isZero;
    zeroAt = (zeroAt & (take - 1)) | (i & -take);
    looking &= isZero ^ 1;
  }
  good &= looking ^ 1;
  good &= ((9 - zeroAt) >>> 31) & 1; // zeroAt >= 10: at least 8 bytes of padding
  if (good !== 1) fail('the session key is not PKCS#1 v1.5 padded for this key');
  return Buffer.from(em.subarray(zeroAt + 1));
}

/** Our side of the exchange: an RSA key pair made for this pool. */
export class ClientSessionKey {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor(modulusBits = 2048) {
    const pair = generateKeyPairSync('rsa', { modulusLength: modulusBits, publicExponent: 0x10001 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  /** The public key as a CAPI PUBLICKEYBLOB (BLOBHEADER, RSAPUBKEY, modulus little-endian), what PUBLIC_KEY carries. */
  publicKeyBlob(): Buffer {
    const jwk = this.publicKey.export({ format: 'jwk' });
    const n = Buffer.from(jwk.n!, 'base64url');
    const e = Buffer.from(jwk.e!, 'base64url');
    const head = Buffer.alloc(20);
    head.writeUInt8(PUBLICKEYBLOB, 0);
    head.writeUInt8(CUR_BLOB_VERSION, 1);
    head.writeUInt16LE(0, 2);
    head.writeUInt32LE(CALG_RSA_KEYX, 4);
    head.writeUInt32LE(RSA1, 8);
    head.writeUInt32LE(n.length * 8, 12);
    head.writeUInt32LE(e.readUIntBE(0, e.length), 16);
    return Buffer.concat([head, Buffer.from(n).reverse()]);
  }

  /** The AES-256 key in the server's SIMPLEBLOB (ENCRYPTED_SESSION_KEY), encrypted to our public key. */
  decryptSessionKey(simpleBlob: Buffer): Buffer {
    const modulusBytes = (this.publicKey.asymmetricKeyDetails?.modulusLength ?? 2048) / 8;
    if (simpleBlob.length !== 12 + modulusBytes)
      fail(`the encrypted session key is ${simpleBlob.length} bytes, not ${12 + modulusBytes}`);
    if (simpleBlob[0] !== SIMPLEBLOB || simpleBlob[1] !== CUR_BLOB_VERSION)
      fail(`the encrypted session key is not a SIMPLEBLOB (type ${simpleBlob[0]}, version ${simpleBlob[1]})`);
    const keyAlg = simpleBlob.readUInt32LE(4);
    const encAlg = simpleBlob.readUInt32LE(8);
    if (keyAlg !== CALG_AES_256 || encAlg !== CALG_RSA_KEYX)
      fail(
        `the session key is algorithm 0x${keyAlg.toString(16)} under 0x${encAlg.toString(16)}, not AES-256 under RSA`,
      );
    let block: Buffer;
    try {
      block = privateDecrypt(
        { key: this.privateKey, padding: constants.RSA_NO_PADDING },
        Buffer.from(simpleBlob.subarray(12)).reverse(),
      );
    } catch (e) {
      // A value at or above our modulus (a blob made for another key, or garbled) is no RSA ciphertext of ours.
      return fail('the encrypted session key does not decrypt under our key', e);
    }
    const key = pkcs1v15Unpad(block, modulusBytes);
    if (key.length !== AES_KEY_BYTES) fail(`the session key is ${key.length} bytes, not ${AES_KEY_BYTES}`);
    return key;
  }
}

/** A SecureString's `<SS>` text under the session key: base64 of AES-256-CBC of its UTF-16LE text. */
export function encryptSecureString(key: Buffer, value: Secret): string {
  const c = createCipheriv('aes-256-cbc', key, IV);
  return Buffer.concat([c.update(Buffer.from(value.reveal(), 'utf16le')), c.final()]).toString('base64');
}

/** The Secret in an `<SS>` text encrypted under the session key. */
export function decryptSecureString(key: Buffer, body: string): Secret {
  const data = Buffer.from(body.trim(), 'base64');
  if (data.length === 0 || data.length % 16 !== 0) fail('an <SS> is not base64 of whole AES blocks');
  try {
    const d = createDecipheriv('aes-256-cbc', key, IV);
    const text = Buffer.concat([d.update(data), d.final()]);
    return new Secret(text.toString('utf16le'));
  } catch {
    return fail('an <SS> does not decrypt under the session key');
  }
}
