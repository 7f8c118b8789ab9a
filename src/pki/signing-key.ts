// RSASSA-PKCS1-v1_5 signatures with node:crypto keys, and the AlgorithmIdentifier that names them.
import { sign } from 'node:crypto';
import { derNull, derOid, derSequence } from './der.js';
import { PkiError } from './pki-error.js';
import type { RsaKeyPair } from './rsa-key.js';

/** Signature hashes the PKI layer signs with; Exchange uses SHA-256 (2013 CU13+) or SHA-1 (setup, older builds). */
export type HashAlgorithm = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

const SIGNATURE_OIDS: Readonly<Record<HashAlgorithm, string>> = {
  'SHA-1': '1.2.840.113549.1.1.5',
  'SHA-256': '1.2.840.113549.1.1.11',
  'SHA-384': '1.2.840.113549.1.1.12',
  'SHA-512': '1.2.840.113549.1.1.13',
};

const NODE_HASHES: Readonly<Record<HashAlgorithm, string>> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

function requireRsa(pair: RsaKeyPair): void {
  if (pair.privateKey.asymmetricKeyType !== 'rsa') {
    throw new PkiError('INVALID_KEY', `Only RSA keys can sign here, got a ${pair.privateKey.asymmetricKeyType ?? 'unknown'} key.`);
  }
}

/**
 * The DER AlgorithmIdentifier of `<hash>WithRSAEncryption` (NULL parameters); throws INVALID_KEY for non-RSA keys.
 * @example rsaSignatureAlgorithm(pair, 'SHA-256') // 30 0D 06 09 2A 86 48 86 F7 0D 01 01 0B 05 00
 */
export function rsaSignatureAlgorithm(pair: RsaKeyPair, hash: HashAlgorithm): Uint8Array {
  requireRsa(pair);
  return derSequence(derOid(SIGNATURE_OIDS[hash]), derNull());
}

/**
 * An RSASSA-PKCS1-v1_5 signature of `data` (synchronous: about a third of a millisecond for 2048 bits).
 * @example const signature = signRsa(pair, 'SHA-256', tbs)
 */
export function signRsa(pair: RsaKeyPair, hash: HashAlgorithm, data: Uint8Array): Uint8Array {
  requireRsa(pair);
  return new Uint8Array(sign(NODE_HASHES[hash], data, pair.privateKey));
}
