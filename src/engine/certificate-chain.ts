// Chain building as Windows does it for Exchange's Status and RootCAType (rules 26, 28) and certificate selection.
import type { CertificateInfo } from '../pki/index.js';
import type { CertificateStatus, RootCaType } from '../spec/output/exchange-certificate.js';
import { certificateInfo, signedBy } from './certificate-cache.js';
import type { TrustAnchor } from './trust-store.js';

/** What a chain check found. */
export interface ChainResult {
  readonly status: Extract<CertificateStatus, 'Valid' | 'DateInvalid' | 'Untrusted'>;
  readonly rootCaType: RootCaType;
  /** CertSearcher's view: a self-signed certificate with an untrusted root, a valid trusted chain, a time problem, or no trust. */
  readonly selection: 'selfSignedUntrusted' | 'valid' | 'expired' | 'untrusted';
  /** The chain ends in the certificate itself (Exchange's IsSelfSigned). */
  readonly selfSigned: boolean;
}

const MAX_DEPTH = 8;

function issues(issuer: CertificateInfo, subject: CertificateInfo): boolean {
  return Buffer.from(issuer.subjectDer).equals(Buffer.from(subject.issuerDer)) && signedBy(subject, issuer);
}

const timeValid = (c: CertificateInfo, now: Date): boolean => now >= c.notBefore && now <= c.notAfter;

/**
 * Builds the chain of `leaf` from the given CA certificates up to a self-signed root and judges it at `now`:
 * DateInvalid when any certificate in it is outside its validity, Valid when the root is trusted or the certificate is
 * self-signed, otherwise Untrusted. RootCAType is the trusting store of the root, None for an untrusted root and
 * Unknown when the chain does not reach a root.
 */
export function evaluateChain(
  leaf: CertificateInfo,
  anchors: readonly TrustAnchor[],
  intermediates: readonly Uint8Array[],
  now: Date,
): ChainResult {
  // Read only when the leaf is not self-signed (a Get of Exchange's own certificates parses no CA certificate).
  let pool: CertificateInfo[] | undefined;
  const chain: CertificateInfo[] = [leaf];
  let current = leaf;
  let root: CertificateInfo | undefined;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (current.isSelfSigned) {
      root = current;
      break;
    }
    pool ??= [...anchors.map((a) => a.der), ...intermediates].map((der) => certificateInfo(der));
    const issuer = pool.find((c) => !chain.some((x) => x.thumbprint === c.thumbprint) && issues(c, current));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  const selfSigned = leaf.isSelfSigned;
  const anchor = root ? anchors.find((a) => a.thumbprint.toUpperCase() === root.thumbprint.toUpperCase()) : undefined;
  const allTimeValid = chain.every((c) => timeValid(c, now));
  const rootCaType: RootCaType = anchor ? anchor.source : root ? 'None' : 'Unknown';
  const status = !allTimeValid ? 'DateInvalid' : anchor || selfSigned ? 'Valid' : 'Untrusted';
  const selection = !allTimeValid ? 'expired' : anchor ? 'valid' : selfSigned ? 'selfSignedUntrusted' : 'untrusted';
  return { status, rootCaType, selection, selfSigned };
}
