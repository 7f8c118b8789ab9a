// Host-name checks as Exchange applies them to certificate names (TlsCertificateInfo.IsValidDnsName).

const LABEL = /^[A-Za-z0-9_-]{1,63}$/;

/** True for a plain host name: dot-separated labels of letters, digits, `-` or `_`, 1-63 characters each, at most 255 in all. */
function isValidHostName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && name.split('.').every((label) => LABEL.test(label));
}

/**
 * True when Exchange accepts `name` as a certificate domain: a host name (single-label names such as `EX01` included)
 * or a wildcard `*.<host name>`.
 * @example isValidDnsName('*.contoso.com') // true
 * @example isValidDnsName('Microsoft Exchange Server Auth Certificate') // false
 */
export function isValidDnsName(name: string): boolean {
  if (name.startsWith('*.')) return name.length > 2 && isValidHostName(name.slice(2));
  return isValidHostName(name);
}

/**
 * Exchange's `CertificateDomains` (TlsCertificateInfo.GetFQDNs): the subject CN first when it is a valid DNS or
 * wildcard name, then the SAN DNS names that are valid, in certificate order, case-insensitive duplicates dropped.
 * @example certificateDomainsOf('mail.contoso.com', ['MAIL.contoso.com', 'autodiscover.contoso.com']) // ['mail.contoso.com', 'autodiscover.contoso.com']
 */
export function certificateDomainsOf(subjectCn: string | undefined, sanDnsNames: readonly string[]): readonly string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const name of [...(subjectCn !== undefined ? [subjectCn] : []), ...sanDnsNames]) {
    const key = name.toLowerCase();
    if (!isValidDnsName(name) || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return Object.freeze(out);
}
