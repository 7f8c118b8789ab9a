// Reading a PKCS#10 request's fields straight from its DER, and checking its self-signature with node:crypto.
import { createPublicKey, verify } from 'node:crypto';
import { toArrayBuffer } from './bytes.js';
import { DerError, decodeOid, derChildren, derContent, derRaw, expectTag, readDer } from './der.js';

/** The fields of a CertificationRequest. */
export interface RequestFields {
  readonly subjectDer: Uint8Array;
  readonly spki: Uint8Array;
  readonly signatureOid: string;
  /** The signed CertificationRequestInfo DER. */
  readonly info: Uint8Array;
  readonly signature: Uint8Array;
  /** extnValue contents of the extensionRequest attribute by OID (the first of each). */
  readonly extensions: ReadonlyMap<string, Uint8Array>;
}

const EXTENSION_REQUEST_OID = '1.2.840.113549.1.9.14';

/**
 * The fields of a DER request; throws DerError when the bytes are not one.
 * @example readRequestDer(der).subjectDer
 */
export function readRequestDer(der: Uint8Array): RequestFields {
  const [infoNode, algorithm, signature] = derChildren(expectTag(readDer(der), 0x30, 'CertificationRequest'));
  const [version, subject, spki, attributes] = derChildren(expectTag(infoNode, 0x30, 'CertificationRequestInfo'));
  expectTag(version, 0x02, 'version');
  const extensions = new Map<string, Uint8Array>();
  for (const attribute of attributes ? derChildren(expectTag(attributes, 0xa0, 'attributes')) : []) {
    const [type, values] = derChildren(expectTag(attribute, 0x30, 'Attribute'));
    if (decodeOid(derContent(expectTag(type, 0x06, 'attribute type'))) !== EXTENSION_REQUEST_OID) continue;
    const first = derChildren(expectTag(values, 0x31, 'attribute values'))[0];
    for (const ext of first ? derChildren(expectTag(first, 0x30, 'Extensions')) : []) {
      const parts = derChildren(expectTag(ext, 0x30, 'Extension'));
      const oid = decodeOid(derContent(expectTag(parts[0], 0x06, 'extnID')));
      if (!extensions.has(oid)) extensions.set(oid, new Uint8Array(derContent(expectTag(parts[parts.length - 1], 0x04, 'extnValue'))));
    }
    break;
  }
  const [algOid] = derChildren(expectTag(algorithm, 0x30, 'signatureAlgorithm'));
  const bits = derContent(expectTag(signature, 0x03, 'signature'));
  if (bits.length === 0) throw new DerError('empty signature');
  return {
    subjectDer: new Uint8Array(derRaw(expectTag(subject, 0x30, 'subject'))),
    spki: new Uint8Array(derRaw(expectTag(spki, 0x30, 'subjectPKInfo'))),
    signatureOid: decodeOid(derContent(expectTag(algOid, 0x06, 'algorithm'))),
    info: new Uint8Array(derRaw(infoNode)),
    signature: new Uint8Array(bits.subarray(1)),
    extensions,
  };
}

// Signature OIDs node:crypto checks directly (RSA PKCS#1 v1.5 and ECDSA); others go through @peculiar/x509.
const HASH_BY_SIGNATURE_OID: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'sha1', '1.2.840.113549.1.1.11': 'sha256', '1.2.840.113549.1.1.12': 'sha384', '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1', '1.2.840.10045.4.3.2': 'sha256', '1.2.840.10045.4.3.3': 'sha384', '1.2.840.10045.4.3.4': 'sha512',
};

/**
 * True when the request's signature verifies with its own public key; throws for data that is not a request.
 * @example await verifyRequestSignature(der) // true
 */
export async function verifyRequestSignature(der: Uint8Array): Promise<boolean> {
  const fields = readRequestDer(der);
  const hash = HASH_BY_SIGNATURE_OID[fields.signatureOid];
  if (hash === undefined) {
    const { x509 } = await import('./crypto-provider.js');
    return new x509.Pkcs10CertificateRequest(toArrayBuffer(der)).verify();
  }
  const key = createPublicKey({ key: Buffer.from(fields.spki), format: 'der', type: 'spki' });
  return verify(hash, fields.info, key, fields.signature);
}
