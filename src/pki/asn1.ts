// Parsing with @peculiar/asn1-schema, the one way the PKI layer does it.
import { AsnConvert } from '@peculiar/asn1-schema';
import type { IAsnParseOptions } from '@peculiar/asn1-schema';

// asn1js would otherwise also try every OCTET STRING and BIT STRING as nested BER (a PFX's contents again and again);
// the schemas say which ones hold structures, and those are parsed with their own schema.
const OPTIONS: IAsnParseOptions = { berOptions: { parseEmbedded: false } };

/**
 * AsnConvert.parse without asn1js's speculative decoding of OCTET STRING and BIT STRING contents.
 * @example parseAsn(der, Certificate).tbsCertificate.subject
 */
export function parseAsn<T>(data: Parameters<typeof AsnConvert.parse>[0], target: new () => T): T {
  return AsnConvert.parse(data, target, OPTIONS);
}
