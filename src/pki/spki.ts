// The parts of a SubjectPublicKeyInfo the PKI layer needs: its algorithm OID and the key bits.
import { decodeOid, derChildren, derContent, expectTag, readDer } from './der.js';

/** The algorithm OID of a SubjectPublicKeyInfo (1.2.840.113549.1.1.1 for RSA). */
export function spkiAlgorithmOid(spki: Uint8Array): string {
  const [algorithm] = derChildren(expectTag(readDer(spki), 0x30, 'SubjectPublicKeyInfo'));
  const [oid] = derChildren(expectTag(algorithm, 0x30, 'AlgorithmIdentifier'));
  return decodeOid(derContent(expectTag(oid, 0x06, 'algorithm')));
}

/**
 * The subjectPublicKey BIT STRING's bytes (for RSA the PKCS#1 RSAPublicKey), unused-bits byte dropped.
 * @example createHash('sha1').update(subjectPublicKeyBits(spki)) // RFC 5280 key identifier
 */
export function subjectPublicKeyBits(spki: Uint8Array): Uint8Array {
  const [, bits] = derChildren(expectTag(readDer(spki), 0x30, 'SubjectPublicKeyInfo'));
  return derContent(expectTag(bits, 0x03, 'subjectPublicKey')).subarray(1);
}
