// RSA key pairs on node:crypto, and their PKCS#8 / SPKI forms.
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { toBytes } from './bytes.js';
import type { BinaryInput } from './bytes.js';
import { pemBlocks, toPem } from './pem.js';
import { LruCache } from './lru-cache.js';
import { PkiError } from './pki-error.js';

const generateKeyPairAsync = promisify(generateKeyPair);

/** The key sizes Exchange allows for new certificates and requests (TlsCertificateInfo.IsValidKeySize). */
export const RSA_KEY_SIZES = [1024, 2048, 4096] as const;

/** One of {@link RSA_KEY_SIZES}. */
export type RsaKeySize = (typeof RSA_KEY_SIZES)[number];

/** A private key with its public half, both node:crypto KeyObjects. */
export interface RsaKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** Anything the PKI functions accept as a private key: a pair, a private KeyObject, PKCS#8 DER bytes or PKCS#8/PKCS#1 PEM text. */
export type PrivateKeyInput = RsaKeyPair | KeyObject | BinaryInput | string;

/**
 * Generates an RSA key pair (public exponent 65537) without blocking the event loop.
 * @example const pair = await generateRsaKeyPair(2048)
 */
export async function generateRsaKeyPair(bits: RsaKeySize = 2048): Promise<RsaKeyPair> {
  if (!(RSA_KEY_SIZES as readonly number[]).includes(bits)) {
    throw new PkiError(
      'INVALID_KEY_SIZE',
      `The key size ${String(bits)} is not valid. Valid key sizes are 1024, 2048 and 4096.`,
    );
  }
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', { modulusLength: bits, publicExponent: 0x10001 });
  return Object.freeze({ privateKey, publicKey });
}

/**
 * Turns any accepted private-key form into a key pair; throws PkiError INVALID_KEY when it is not a private key.
 * @example const pair = toKeyPair(readFileSync('key.pem', 'utf8'))
 */
export function toKeyPair(input: PrivateKeyInput): RsaKeyPair {
  if (typeof input === 'object' && 'privateKey' in input && 'publicKey' in input) return input;
  if (input instanceof KeyObject || typeof input === 'string') return parseKeyPair(input);
  // Importing a key costs about half a millisecond: the same PKCS#8 bytes (a stored key, a pooled key) are imported once.
  const der = toBytes(input);
  return PARSED.get(derId(der), () => parseKeyPair(der));
}

/** Key pairs by SHA-256 of their PKCS#8 DER. */
const PARSED = new LruCache<string, RsaKeyPair>(128);
const derId = (der: Uint8Array): string => createHash('sha256').update(der).digest('base64');

function parseKeyPair(input: KeyObject | Uint8Array | string): RsaKeyPair {
  let privateKey: KeyObject;
  try {
    if (input instanceof KeyObject) privateKey = input;
    else if (typeof input === 'string') privateKey = createPrivateKey(input);
    else privateKey = createPrivateKey({ key: Buffer.from(toBytes(input)), format: 'der', type: 'pkcs8' });
  } catch (cause) {
    throw new PkiError('INVALID_KEY', 'The data is not a readable private key (PKCS#8 DER or PEM expected).', {
      cause,
    });
  }
  if (privateKey.type !== 'private')
    throw new PkiError('INVALID_KEY', `Expected a private key, got a ${privateKey.type} key.`);
  return Object.freeze({ privateKey, publicKey: createPublicKey(privateKey) });
}

/**
 * The private key as unencrypted PKCS#8 DER.
 * @example const der = exportPrivateKeyPkcs8(pair)
 */
export function exportPrivateKeyPkcs8(key: PrivateKeyInput): Uint8Array {
  const pair = toKeyPair(key);
  const der = toBytes(pair.privateKey.export({ type: 'pkcs8', format: 'der' }));
  PARSED.set(derId(der), pair);
  return der;
}

/**
 * The private key as a `-----BEGIN PRIVATE KEY-----` PEM string.
 * @example writeFileSync('key.pem', exportPrivateKeyPem(pair))
 */
export function exportPrivateKeyPem(key: PrivateKeyInput): string {
  return toPem(exportPrivateKeyPkcs8(key), 'PRIVATE KEY');
}

/**
 * Reads an unencrypted PKCS#8 private key from DER bytes or PEM text.
 * @example const pair = importPrivateKeyPkcs8(der)
 */
export function importPrivateKeyPkcs8(data: BinaryInput | string): RsaKeyPair {
  if (typeof data === 'string' && pemBlocks(data).length === 0)
    throw new PkiError('INVALID_KEY', 'The text holds no PEM private key.');
  return toKeyPair(data);
}

/**
 * The public key as SubjectPublicKeyInfo DER.
 * @example const spki = exportPublicKeySpki(pair)
 */
export function exportPublicKeySpki(key: PrivateKeyInput | KeyObject): Uint8Array {
  const publicKey = key instanceof KeyObject && key.type === 'public' ? key : toKeyPair(key).publicKey;
  let spki = SPKI.get(publicKey);
  if (spki === undefined) {
    spki = toBytes(publicKey.export({ type: 'spki', format: 'der' }));
    SPKI.set(publicKey, spki);
  }
  return new Uint8Array(spki);
}

/** SubjectPublicKeyInfo DER by key object: a key's public half is compared and copied into requests, certificates and PFX checks. */
const SPKI = new WeakMap<KeyObject, Uint8Array>();

/**
 * Size of a public key in bits (RSA modulus length, EC curve size), as Exchange's `PublicKeySize` shows it.
 * @example publicKeySizeBits(pair.publicKey) // 2048
 */
export function publicKeySizeBits(key: KeyObject | BinaryInput): number {
  const publicKey =
    key instanceof KeyObject
      ? key.type === 'private'
        ? createPublicKey(key)
        : key
      : createPublicKey({ key: Buffer.from(toBytes(key)), format: 'der', type: 'spki' });
  const details = publicKey.asymmetricKeyDetails ?? {};
  if (details.modulusLength !== undefined) return details.modulusLength;
  const curveBits: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };
  return curveBits[details.namedCurve ?? ''] ?? 0;
}
