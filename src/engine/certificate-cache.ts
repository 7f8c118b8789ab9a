// Parsed certificates, node:crypto views, extension lists and signature checks by thumbprint (bounded LRU caches).
import { createHash, createPublicKey, X509Certificate as NodeX509Certificate } from 'node:crypto';
import { readCertificate, thumbprintOf } from '../pki/index.js';
import type { CertificateInfo } from '../pki/index.js';
import { parsedCertificate } from '../pki/certificate-info.js';
import { storedExtensions } from '../pki/certificate-facts-json.js';
import type { ExtensionFacts } from '../pki/certificate-facts-json.js';
import { LruCache } from '../pki/lru-cache.js';
import { spkiAlgorithmOid, subjectPublicKeyBits } from '../pki/spki.js';

const MAX_ENTRIES = 1000;
const RSA_ENCRYPTION_OID = '1.2.840.113549.1.1.1';
const nodeCerts = new LruCache<string, NodeX509Certificate>(MAX_ENTRIES);
const extensionLists = new LruCache<string, readonly ExtensionFacts[]>(MAX_ENTRIES);
const keyIdentifiers = new LruCache<string, string>(MAX_ENTRIES);
const signatureChecks = new LruCache<string, boolean>(MAX_ENTRIES * 4);

// The DER arrays of decoded configurations are shared (state-json caches decoded values) and never written to.
const byArray = new WeakMap<Uint8Array, CertificateInfo>();

/**
 * readCertificate (cached by thumbprint in the PKI layer; a DER array seen before is not even hashed again).
 * @example certificateInfo(record.der).certificateDomains
 */
export function certificateInfo(der: Uint8Array): CertificateInfo {
  let info = byArray.get(der);
  if (info === undefined) {
    info = readCertificate(der);
    byArray.set(der, info);
  }
  return info;
}

/** node:crypto's view of the certificate (signature checks in chain building). */
export function nodeCertificate(der: Uint8Array): NodeX509Certificate {
  return nodeCerts.get(thumbprintOf(der), () => new NodeX509Certificate(Buffer.from(der)));
}

/** Whether `issuer`'s key verifies `subject`'s signature (remembered per pair). */
export function signedBy(subject: CertificateInfo, issuer: CertificateInfo): boolean {
  return signatureChecks.get(`${subject.thumbprint}/${issuer.thumbprint}`, () => {
    try {
      return nodeCertificate(subject.der).verify(nodeCertificate(issuer.der).publicKey);
    } catch {
      return false;
    }
  });
}

/** The extensions of a certificate in certificate order. */
export function certificateExtensions(info: CertificateInfo): readonly ExtensionFacts[] {
  return extensionLists.get(info.thumbprint, () => {
    const stored = storedExtensions(info.thumbprint);
    if (stored !== undefined) return stored;
    const extensions = parsedCertificate(info).tbsCertificate.extensions ?? [];
    return Object.freeze(extensions.map((ext) => Object.freeze({ oid: ext.extnID, critical: ext.critical })));
  });
}

/** CAPI's key identifier: SHA-1 of the PKCS#1 RSAPublicKey for RSA keys, of the whole SubjectPublicKeyInfo otherwise. */
export function keyIdentifier(info: CertificateInfo): string {
  return keyIdentifiers.get(info.thumbprint, () => {
    // node:crypto reads the key (no ASN.1 package loads for a Get): rsaEncryption keys give their PKCS#1 form.
    let hashed: Uint8Array;
    try {
      const key = createPublicKey({ key: Buffer.from(info.publicKey), format: 'der', type: 'spki' });
      hashed = key.asymmetricKeyType === 'rsa' ? key.export({ type: 'pkcs1', format: 'der' }) : info.publicKey;
    } catch {
      // A key node:crypto cannot read: the SubjectPublicKeyInfo read as ASN.1.
      hashed =
        spkiAlgorithmOid(info.publicKey) === RSA_ENCRYPTION_OID ? subjectPublicKeyBits(info.publicKey) : info.publicKey;
    }
    return createHash('sha1').update(hashed).digest('hex').toUpperCase();
  });
}
