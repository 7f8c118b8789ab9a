// Parsed certificates by DER thumbprint, so repeated Gets do not re-parse the same bytes.
import { X509Certificate as NodeX509Certificate } from 'node:crypto';
import { x509 } from '../../../pki/crypto-provider.js';
import { readCertificate, thumbprintOf } from '../../../pki/index.js';
import type { CertificateInfo } from '../../../pki/index.js';

const MAX_ENTRIES = 1000;
const infos = new Map<string, CertificateInfo>();
const nodeCerts = new Map<string, NodeX509Certificate>();

function remember<T>(map: Map<string, T>, key: string, make: () => T): T {
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  if (map.size >= MAX_ENTRIES) map.clear();
  const value = make();
  map.set(key, value);
  return value;
}

/**
 * readCertificate with a cache keyed by thumbprint.
 * @example certificateInfo(record.der).certificateDomains
 */
export function certificateInfo(der: Uint8Array): CertificateInfo {
  return remember(infos, thumbprintOf(der), () => readCertificate(der));
}

/** node:crypto's view of the certificate (signature checks in chain building). */
export function nodeCertificate(der: Uint8Array): NodeX509Certificate {
  return remember(nodeCerts, thumbprintOf(der), () => new NodeX509Certificate(Buffer.from(der)));
}

/** One extension as X509Certificate2.Extensions lists it. */
export interface ExtensionFacts {
  readonly oid: string;
  readonly critical: boolean;
}

const extensionLists = new Map<string, readonly ExtensionFacts[]>();

/** The extensions of a certificate in certificate order. */
export function certificateExtensions(der: Uint8Array): readonly ExtensionFacts[] {
  return remember(extensionLists, thumbprintOf(der), () => {
    const cert = new x509.X509Certificate(Buffer.from(der));
    return Object.freeze(cert.extensions.map((e) => Object.freeze({ oid: e.type, critical: e.critical })));
  });
}
