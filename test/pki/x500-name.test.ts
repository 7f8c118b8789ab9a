import { afterAll, describe, expect, it } from '@jest/globals';
import {
  cnOf,
  decodeX500Name,
  encodeX500Name,
  formatWindowsName,
  formatX500Name,
  parseX500Name,
} from '../../src/pki/x500-name.js';
import { PkiError } from '../../src/pki/pki-error.js';
import { isExchcertError } from '../../src/errors/exchcert-error.js';
import { scratch } from './openssl.js';

const EXCHANGEFUN = 'c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl';

function parseError(text: string): PkiError {
  try {
    parseX500Name(text);
  } catch (e) {
    if (e instanceof PkiError) return e;
    throw e;
  }
  throw new Error(`expected '${text}' to be rejected`);
}

describe('parseX500Name', () => {
  it('reads the Exchange docs example with case-insensitive keys and S= as stateOrProvince', () => {
    const name = parseX500Name(EXCHANGEFUN);
    expect(name.map((rdn) => rdn.map((a) => `${a.type}|${a.oid}|${a.value}`))).toEqual([
      ['C|2.5.4.6|NL'],
      ['S|2.5.4.8|Flevoland'],
      ['L|2.5.4.7|Emmeloord'],
      ['O|2.5.4.10|Exchangefun bv'],
      ['OU|2.5.4.11|RND'],
      ['CN|2.5.4.3|webmail.exchangefun.nl'],
    ]);
    expect(Object.isFrozen(name)).toBe(true);
  });

  it('accepts ST, E, EMAIL, OID forms, semicolons and multi-valued RDNs', () => {
    const name = parseX500Name(
      'st=Utrecht; E=admin@contoso.com, email=x@y.z, OID.2.5.4.15=Private Organization + 2.5.4.97=NTRNL-123, cn = mail',
    );
    expect(name.map((rdn) => rdn.map((a) => a.type))).toEqual([
      ['S'],
      ['E'],
      ['E'],
      ['OID.2.5.4.15', 'OID.2.5.4.97'],
      ['CN'],
    ]);
    expect(name[4]![0]!.value).toBe('mail');
  });

  it('handles quoted values with doubled quotes and backslash-escaped commas', () => {
    const name = parseX500Name('O="Contoso, Ltd", OU="Say ""hi""", L=Den Haag\\, Centrum, CN=mail.contoso.com');
    expect(name.map((rdn) => rdn[0]!.value)).toEqual([
      'Contoso, Ltd',
      'Say "hi"',
      'Den Haag, Centrum',
      'mail.contoso.com',
    ]);
  });

  it('trims unquoted values but keeps spaces inside quotes', () => {
    const name = parseX500Name('CN=  a b  , O=" x "');
    expect(name.map((rdn) => rdn[0]!.value)).toEqual(['a b', ' x ']);
  });

  it.each([
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    ['CN=mail, Contoso', "'Contoso' has no '='"],
    ['Q=1, CN=mail', "'Q' in 'Q=1' is not a known attribute type"],
    ['CN="open', "the quoted value in 'CN=\"open' is not closed"],
    ['CN="a"b', 'unexpected text after the quoted value'],
    ['C=Netherlands, CN=x', "'C=Netherlands': the country (C) must be a two-letter code"],
    ['CN=, O=x', "'CN=' has an empty value"],
    ['=x', "has no attribute type before '='"],
    ['E=jörg@contoso.com', 'may only contain ASCII characters'],
    ['CN=a,,O=b', 'it has an empty part between separators'],
  ])('rejects %j naming the bad part', (text, reason) => {
    const error = parseError(text);
    expect(error.code).toBe('INVALID_X500_NAME');
    expect(isExchcertError(error)).toBe(true);
    expect(error.message).toContain(reason);
    expect(error.message).toContain(`'${text}'`);
  });
});

describe('formatting', () => {
  it('shows a DER name the way Windows does: reversed, S=, comma-space', () => {
    const der = encodeX500Name(parseX500Name(EXCHANGEFUN), 'as-written');
    expect(formatWindowsName(der)).toBe(
      'CN=webmail.exchangefun.nl, OU=RND, O=Exchangefun bv, L=Emmeloord, S=Flevoland, C=NL',
    );
  });

  it('with the .NET Reversed encoding, Windows shows the name in typed order', () => {
    const der = encodeX500Name(parseX500Name(EXCHANGEFUN), 'reversed');
    expect(formatWindowsName(der)).toBe(
      'C=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl',
    );
  });

  it('quotes values like CertNameToStr and joins multi-valued RDNs with " + "', () => {
    const name = parseX500Name('CN=mail, O="Contoso, Ltd", OU="Say ""hi""", L=" lead", S=a#b, T=x=y, G=a + SN=c');
    expect(formatX500Name(name)).toBe(
      'CN=mail, O="Contoso, Ltd", OU="Say ""hi""", L=" lead", S="a#b", T="x=y", G=a + SN=c',
    );
  });

  it('prints unknown attribute types as OID.n.n', () => {
    const der = encodeX500Name(parseX500Name('CN=mail, 2.5.4.15=Private Organization'));
    expect(formatWindowsName(der)).toBe('OID.2.5.4.15=Private Organization, CN=mail');
  });

  it('decodes DER names back, UTF-8 values included, in DER order', () => {
    const der = encodeX500Name(parseX500Name('C=DE, O=Müller GmbH, E=a@b.de, DC=contoso, CN=*.contoso.com'));
    const decoded = decodeX500Name(der);
    expect(decoded.map((rdn) => `${rdn[0]!.type}=${rdn[0]!.value}`)).toEqual([
      'C=DE',
      'O=Müller GmbH',
      'E=a@b.de',
      'DC=contoso',
      'CN=*.contoso.com',
    ]);
  });

  it('cnOf finds the first CN in parsed or DER names', () => {
    expect(cnOf(parseX500Name('C=NL, CN=mail.contoso.com'))).toBe('mail.contoso.com');
    expect(cnOf(encodeX500Name(parseX500Name('O=x, CN=a, CN=b')))).toBe('a');
    expect(cnOf(parseX500Name('O=Contoso'))).toBeUndefined();
  });
});

describe('DER encoding checked with openssl', () => {
  const tmp = scratch();
  afterAll(() => tmp.remove());

  it('encodes the string types and order openssl expects', () => {
    // Wrap the encoded name in a CSR-free check: openssl asn1parse shows types and order.
    const der = encodeX500Name(parseX500Name('C=NL, S=Flevoland, O=Müller, E=a@b.nl, CN=*.contoso.com'));
    tmp.write('name.der', der);
    const r = tmp.openssl('asn1parse', '-inform', 'DER', '-in', 'name.der');
    expect(r.status).toBe(0);
    const types = [...r.stdout.matchAll(/prim: (\w+)\s+:(.*)$/gm)].map((m) => `${m[1]}:${m[2]!.trim()}`);
    expect(types).toEqual([
      'OBJECT:countryName',
      'PRINTABLESTRING:NL',
      'OBJECT:stateOrProvinceName',
      'PRINTABLESTRING:Flevoland',
      'OBJECT:organizationName',
      'UTF8STRING:Müller',
      'OBJECT:emailAddress',
      'IA5STRING:a@b.nl',
      'OBJECT:commonName',
      'UTF8STRING:*.contoso.com',
    ]);
  });
});
