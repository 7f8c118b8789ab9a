// PKCS#12 key derivation (RFC 7292 appendix B) with node-forge's implementation, hashing through node:crypto.
import { createHash, hash } from 'node:crypto';
import forge from 'node-forge';
import { LruCache } from './lru-cache.js';

/** The hashes PKCS#12 MACs and PBEs use, by node:crypto name: output and block length in bytes. */
const DIGESTS = {
  sha1: { digestLength: 20, blockLength: 64 },
  sha256: { digestLength: 32, blockLength: 64 },
  sha384: { digestLength: 48, blockLength: 128 },
  sha512: { digestLength: 64, blockLength: 128 },
} as const;

/** A hash node:crypto computes for node-forge's key derivation. */
export type Pkcs12Hash = keyof typeof DIGESTS;

/**
 * A node-forge message digest whose hashing is node:crypto's one-shot `hash()`: forge's key derivation hashes 2000
 * times per 20 bytes of key, one short message each, and takes the digest object as a parameter.
 */
function nodeDigest(algorithm: Pkcs12Hash): forge.md.MessageDigest {
  const { digestLength, blockLength } = DIGESTS[algorithm];
  let message = '';
  const md = {
    algorithm,
    digestLength,
    blockLength,
    messageLength: 0,
    fullMessageLength: null,
    messageLengthSize: blockLength === 128 ? 16 : 8,
    start() {
      message = '';
      return md;
    },
    update(msg: string, encoding?: 'raw' | 'utf8') {
      message += encoding === 'utf8' ? forge.util.encodeUtf8(msg) : msg;
      return md;
    },
    digest() {
      return forge.util.createBuffer(hash(algorithm, Buffer.from(message, 'binary'), 'binary'));
    },
  };
  return md as unknown as forge.md.MessageDigest;
}

/**
 * `length` bytes of PKCS#12 key material for purpose `id` (1 key, 2 IV, 3 MAC key) from the password (as a BMPString
 * with its terminating zero; no bytes at all when undefined) and the salt, by forge.pkcs12.generateKey.
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
  const key = DERIVED.get(inputs, () => {
    const derived = forge.pkcs12.generateKey(
      password,
      forge.util.createBuffer(saltText),
      id,
      iterations,
      length,
      nodeDigest(algorithm),
    );
    return Buffer.from(derived.getBytes(), 'binary');
  });
  return Buffer.from(key);
}

/**
 * Key material derived lately: a file written and then read back in the same process (an export imported elsewhere)
 * derives the same keys from the same password and salts, 2000 hashes per 20 bytes each time.
 */
const DERIVED = new LruCache<string, Buffer>(48);
