// A connector's TlsCertificateName (`<I>issuer<S>subject`) against the certificates installed on a server.
import { certificateInfo } from './certificate-cache.js';
import type { CertificateRecord, StateTransaction } from './org-state.js';

/** The issuer and subject a TlsCertificateName names, or undefined when it is not `<I>…<S>…`. */
export function parseTlsCertificateName(text: string): { issuer: string; subject: string } | undefined {
  const m = /^<I>(.+)<S>(.+)$/s.exec(text.trim());
  return m ? { issuer: m[1]!.trim(), subject: m[2]!.trim() } : undefined;
}

/** An X.500 name compared as Exchange parses it: RDNs split at commas, spaces around them and letter case ignored. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .split(/\s*,\s*/)
      .map((p) => p.replace(/\s*=\s*/, '=').toLowerCase())
      .join(',');
  return norm(a) === norm(b);
}

/**
 * The installed certificates of `server` whose Issuer and Subject are those a TlsCertificateName names.
 * @example certificatesForTlsName(tx, 'AMS-EXCH01', '<I>CN=R11, O=Let\'s Encrypt, C=US<S>CN=mail.contoso.com').length
 */
export function certificatesForTlsName(tx: StateTransaction, server: string, text: string): CertificateRecord[] {
  const name = parseTlsCertificateName(text);
  if (!name) return [];
  return tx.listCertificates(server).filter((r) => {
    const info = certificateInfo(r.der);
    return sameName(info.issuer, name.issuer) && sameName(info.subject, name.subject);
  });
}
