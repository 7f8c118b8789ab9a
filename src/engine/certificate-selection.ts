// Which installed certificates serve a host name, and which one Exchange picks (TlsCertSearcher FindAll/FindBest).
import { SERVER_AUTH_OID, isValidDnsName } from '../pki/index.js';
import type { CertificateInfo } from '../pki/index.js';
import { certificateInfo } from './certificate-cache.js';
import { evaluateChain } from './certificate-chain.js';
import type { CertificateRecord, StateTransaction } from './org-state.js';
import { intermediateCertificates, trustAnchors } from './trust-store.js';

/** `*.contoso.com` matching one label (SingleLevel) or any number of labels (MultiLevel). */
export type WildcardMatch = 'single' | 'multi';

/**
 * CertSearcher.MatchWildcardCertNameWithName / IsFQDNMatch: exact (case-insensitive) or wildcard match of any name.
 * @example matchesName(['*.contoso.com'], 'mail.contoso.com', 'single') // true
 */
export function matchesName(domains: readonly string[], name: string, wildcard: WildcardMatch): boolean {
  return domains.some((d) => {
    if (d.startsWith('*')) {
      if (d.length <= 2 || d[1] !== '.') return false;
      const suffix = d.slice(1).toLowerCase();
      const rest = name.length - suffix.length;
      return (
        rest > 0 && name.toLowerCase().endsWith(suffix) && (wildcard === 'multi' || !name.slice(0, rest).includes('.'))
      );
    }
    return d.toLowerCase() === name.toLowerCase();
  });
}

/** TlsCertSearcher.IsValidTLSUsage plus the private key: RSA, Key Usage allowing signatures, EKU with Server Authentication. */
function usableForTls(info: CertificateInfo, hasKey: boolean): boolean {
  if (!hasKey || info.version < 3 || info.publicKeyAlgorithm !== 'RSA') return false;
  if (
    info.keyUsage !== undefined &&
    info.keyUsage.length > 0 &&
    !info.keyUsage.includes('digitalSignature') &&
    !info.keyUsage.includes('nonRepudiation')
  )
    return false;
  return (
    info.enhancedKeyUsage === undefined ||
    info.enhancedKeyUsage.length === 0 ||
    info.enhancedKeyUsage.includes(SERVER_AUTH_OID)
  );
}

const byNotBeforeDesc = (a: CertificateRecord, b: CertificateRecord): number =>
  certificateInfo(b.der).notBefore.getTime() - certificateInfo(a.der).notBefore.getTime();

/**
 * FindAll: installed certificates with a private key and a TLS-capable key that carry one of `names`, newest NotBefore first.
 * Names that are not plain host names match nothing.
 */
export function findAllForNames(
  tx: StateTransaction,
  server: string,
  names: readonly string[],
  wildcard: WildcardMatch,
): CertificateRecord[] {
  const valid = names.filter((n) => isValidDnsName(n) && !n.startsWith('*'));
  return tx
    .listCertificates(server)
    .filter((r) => {
      const info = certificateInfo(r.der);
      return (
        usableForTls(info, r.privateKey !== null) &&
        valid.some((n) => matchesName(info.certificateDomains, n, wildcard))
      );
    })
    .sort(byNotBeforeDesc);
}

/**
 * FindBest with PreferedNonSelfSigned: the first (newest) CA-issued certificate with a trusted, time-valid chain; else a
 * CA-issued expired one; else the first self-signed one; untrusted CA chains are never picked.
 */
export function findBest(
  tx: StateTransaction,
  server: string,
  candidates: readonly CertificateRecord[],
  now: Date,
): CertificateRecord | undefined {
  const anchors = trustAnchors(tx, server);
  const intermediates = intermediateCertificates(tx, server);
  let selfSignedFallback: CertificateRecord | undefined;
  for (const record of candidates) {
    const info = certificateInfo(record.der);
    if (record.privateKey === null || info.publicKeySize < 1024) continue;
    const chain = evaluateChain(info, anchors, intermediates, now);
    if (chain.selection === 'selfSignedUntrusted' || (chain.selection === 'valid' && chain.selfSigned)) {
      selfSignedFallback ??= record;
    } else if (chain.selection === 'valid') {
      return record;
    } else if (chain.selection === 'expired') {
      if (!chain.selfSigned) return record;
      return selfSignedFallback ?? record;
    }
  }
  return selfSignedFallback;
}
