// PKCS#12 key derivation (RFC 7292 appendix B) on node:crypto's one-shot hash.
import { createHash, hash } from 'node:crypto';
import { LruCache } from './lru-cache.js';

/** The hashes PKCS#12 MACs and PBEs use, by node:crypto name: output and block length in bytes. */
const DIGESTS = {
  sha1: { digestLength: 20, blockLength: 64 },
  sha256: { digestLength: 32, blockLength: 64 },
  sha384: { digestLength: 48, blockLength: 128 },
  sha512: { digestLength: 64, blockLength: 128 },
} as const;

/** A hash the PKCS#12 key derivation can use. */
export type Pkcs12Hash = keyof typeof DIGESTS;

/** `source` repeated to `length` bytes (the last copy cut short); empty for an empty source. */
function repeated(source: Uint8Array, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = source[i % source.length]!;
  return out;
}

/**
 * RFC 7292 appendix B.2 on Buffers, each hash one call of node:crypto's one-shot `hash()` (node-forge's
 * generatePkcs12Key did the same steps on binary strings: 2000 hashes per `digestLength` bytes of key).
 */
function deriveKey(
  password: string | undefined,
  salt: Uint8Array,
  id: number,
  iterations: number,
  length: number,
  algorithm: Pkcs12Hash,
): Buffer {
  if (!(iterations >= 1)) throw new Error('PKCS#12 key derivation iteration count must be >= 1.');
  const { digestLength: u, blockLength: v } = DIGESTS[algorithm];
  // The password as a BMPString (UTF-16 big-endian) with its terminating zero; no bytes at all when undefined.
  const bmp = Buffer.alloc(password === undefined ? 0 : password.length * 2 + 2);
  for (let i = 0; i < (password?.length ?? 0); i++) bmp.writeUInt16BE(password!.charCodeAt(i), i * 2);
  const saltPart = repeated(salt, v * Math.ceil(salt.length / v));
  const passwordPart = repeated(bmp, v * Math.ceil(bmp.length / v));
  const input = Buffer.concat([saltPart, passwordPart]); // I, changed in place after each block
  const diversifier = Buffer.alloc(v, id);
  const blocks: Buffer[] = [];
  for (let done = 0; done < length; done += u) {
    let a = hash(algorithm, Buffer.concat([diversifier, input]), 'buffer');
    for (let round = 1; round < iterations; round++) a = hash(algorithm, a, 'buffer');
    blocks.push(a);
    // Each v-byte block of I becomes (I_j + B + 1) mod 2^(8v), B being A repeated to v bytes.
    const b = repeated(a, v);
    for (let j = 0; j < input.length; j += v) {
      let x = 0x1ff;
      for (let l = v - 1; l >= 0; l--) {
        x = (x >> 8) + b[l]! + input[j + l]!;
        input[j + l] = x & 0xff;
      }
    }
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/**
 * `length` bytes of PKCS#12 key material for purpose `id` (1 key, 2 IV, 3 MAC key) from the password (as a BMPString
 * with its terminating zero; no bytes at all when undefined) and the salt (RFC 7292 appendix B.2).
 * @example pkcs12Key('Pass1word', salt, 3, 2000, 20).length // 20
 */
export function pkcs12Key(
  password: string | undefined,
  salt: Uint8Array,
  id: 1 | 2 | 3,
  iterations: number,
  length: number,
  algorithm: Pkcs12Hash = 'sha1',
): Buffer {
  const saltText = Buffer.from(salt.buffer, salt.byteOffset, salt.byteLength).toString('binary');
  // Keyed by a SHA-256 of the inputs, so the password itself is not kept.
  const inputs = createHash('sha256')
    .update(JSON.stringify([password ?? null, saltText, id, iterations, length, algorithm]))
    .digest('base64');
  const key = DERIVED.get(inputs, () => deriveKey(password, salt, id, iterations, length, algorithm));
  return Buffer.from(key);
}

/**
 * Key material derived lately: a file written and then read back in the same process (an export imported elsewhere)
 * derives the same keys from the same password and salts, 2000 hashes per 20 bytes each time.
 */
const DERIVED = new LruCache<string, Buffer>(48);
