// The parts of a SubjectPublicKeyInfo the PKI layer needs, read with @peculiar/asn1-x509.
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { parseAsn } from './asn1.js';
import { LruCache } from './lru-cache.js';

/** Parsed public keys by their DER (a certificate's key is looked at for its size, its identifier and its algorithm). */
const PARSED = new LruCache<string, SubjectPublicKeyInfo>(256);

/**
 * The SubjectPublicKeyInfo parsed by @peculiar/asn1-x509 (remembered; do not modify it).
 * @example parseSpki(spki).algorithm.algorithm // '1.2.840.113549.1.1.1'
 */
export function parseSpki(spki: Uint8Array): SubjectPublicKeyInfo {
  return PARSED.get(Buffer.from(spki.buffer, spki.byteOffset, spki.byteLength).toString('base64'), () =>
    parseAsn(spki, SubjectPublicKeyInfo),
  );
}

/** The algorithm OID of a SubjectPublicKeyInfo (1.2.840.113549.1.1.1 for RSA). */
export function spkiAlgorithmOid(spki: Uint8Array): string {
  return parseSpki(spki).algorithm.algorithm;
}

/**
 * The subjectPublicKey BIT STRING's bytes (for RSA the PKCS#1 RSAPublicKey).
 * @example createHash('sha1').update(subjectPublicKeyBits(spki)) // RFC 5280 key identifier
 */
export function subjectPublicKeyBits(spki: Uint8Array): Uint8Array {
  return new Uint8Array(parseSpki(spki).subjectPublicKey);
}
