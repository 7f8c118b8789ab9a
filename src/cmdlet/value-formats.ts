// Value syntaxes Exchange checks: thumbprints, DNS names, X.500 names, certificate identities.

const HEX40 = /^[0-9A-Fa-f]{40}$/;

/** Exchange's thumbprint normalisation: when the third character is a space, all spaces go (rule 7). */
export function normalizeThumbprint(value: string): string {
  return value.length > 2 && value[2] === ' ' ? value.replace(/ /g, '') : value;
}

/** True for 40 hex digits, with byte-pair spaces tolerated as Exchange does. */
export function isThumbprint(value: string): boolean {
  return HEX40.test(normalizeThumbprint(value));
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A host name, FQDN or wildcard name (`*.contoso.com`) as Exchange accepts in -DomainName. */
export function isDnsName(value: string, options: { wildcard?: boolean } = {}): boolean {
  if (value.length === 0 || value.length > 255) return false;
  const labels = value.endsWith('.') ? value.slice(0, -1).split('.') : value.split('.');
  return labels.every(
    (label, i) => (i === 0 && label === '*' && options.wildcard !== false && labels.length > 1) || LABEL.test(label),
  );
}

/** `Server\Thumbprint` or `Thumbprint`. */
export function isCertificateIdentity(value: string): boolean {
  const slash = value.lastIndexOf('\\');
  if (slash === -1) return isThumbprint(value);
  const server = value.slice(0, slash);
  return server.length > 0 && !/[\s\\]/.test(server) && isThumbprint(value.slice(slash + 1));
}

/** One relative distinguished name attribute. */
export interface ParsedX500Attribute {
  readonly key: string;
  readonly value: string;
}

const KNOWN_KEYS = new Set([
  'CN',
  'L',
  'ST',
  'S',
  'O',
  'OU',
  'C',
  'STREET',
  'DC',
  'UID',
  'E',
  'EMAIL',
  'SN',
  'G',
  'GIVENNAME',
  'I',
  'T',
  'TITLE',
  'SERIALNUMBER',
  'POSTALCODE',
  'DESCRIPTION',
]);

/**
 * Splits an X.500 name the way Windows' X500DistinguishedName reads it (`,` or `;` between RDNs, `"..."` quoting).
 * Returns the attributes, or a string saying what is wrong.
 * @example parseX500('c=NL, S=Flevoland, CN=webmail.exchangefun.nl')
 */
export function parseX500(text: string): readonly ParsedX500Attribute[] | string {
  const attrs: ParsedX500Attribute[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    const keyStart = i;
    while (i < n && text[i] !== '=' && text[i] !== ',' && text[i] !== ';') i++;
    const key = text.slice(keyStart, i).trim();
    if (i >= n || text[i] !== '=') return `'${key || text.slice(keyStart)}' is not key=value`;
    if (!/^(?:[A-Za-z][A-Za-z0-9-]*|OID\.\d+(?:\.\d+)*|\d+(?:\.\d+)+)$/.test(key))
      return `'${key}' is not an attribute name`;
    if (/^[A-Za-z]/.test(key) && !key.toUpperCase().startsWith('OID.') && !KNOWN_KEYS.has(key.toUpperCase()))
      return `unknown attribute '${key}'`;
    i++;
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) return `unterminated quoted value for '${key}'`;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
      if (i < n && text[i] !== ',' && text[i] !== ';' && text[i] !== '+')
        return `text after the quoted value of '${key}'`;
    } else {
      const start = i;
      while (i < n && text[i] !== ',' && text[i] !== ';' && text[i] !== '+') i++;
      value = text.slice(start, i).trim();
    }
    if (value.length === 0) return `'${key}' has an empty value`;
    attrs.push(Object.freeze({ key: key.toUpperCase(), value }));
    if (i < n) {
      i++;
      if (i >= n) return 'a separator ends the name';
    }
  }
  if (attrs.length === 0) return 'the name is empty';
  return Object.freeze(attrs);
}

/** Problems Exchange/CertEnroll would reject in a subject name, or null when it is acceptable. */
export function x500Problem(text: string): string | null {
  const attrs = parseX500(text);
  if (typeof attrs === 'string') return attrs;
  if (!attrs.some((a) => a.key === 'CN')) return 'it has no CN= attribute (CN is required)';
  const c = attrs.find((a) => a.key === 'C');
  if (c && !/^[A-Za-z]{2}$/.test(c.value)) return `C=${c.value} is not a two-letter country code`;
  return null;
}

/**
 * A connector TlsCertificateName (SmtpX509Identifier): `<I>issuer<S>subject`, both parts non-empty.
 * @example isSmtpX509Identifier('<I>CN=R11, O=Let\'s Encrypt, C=US<S>CN=mail.contoso.com') // true
 */
export function isSmtpX509Identifier(text: string): boolean {
  return /^<I>[^<]*\S[^<]*<S>[^<]*\S[^<]*$/.test(text.trim());
}
