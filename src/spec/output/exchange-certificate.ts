// The ExchangeCertificate object Get/New/Import-ExchangeCertificate output, with Exchange's property names and types.
import * as z from 'zod/mini';
import { servicesFromString, servicesString } from './allowed-services.js';
import { bytesFromJson, dateFromJson } from './json-values.js';

/** CertificateStatus values (rule 26). */
export const CERTIFICATE_STATUSES = [
  'Unknown',
  'Valid',
  'Revoked',
  'DateInvalid',
  'Untrusted',
  'Invalid',
  'RevocationCheckFailure',
  'PendingRequest',
] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** RootCAType values (CertificateAuthorityType, rule 28). */
export const ROOT_CA_TYPES = ['None', 'ThirdParty', 'Enterprise', 'Registry', 'GroupPolicy', 'Unknown'] as const;
export type RootCaType = (typeof ROOT_CA_TYPES)[number];

/** The ExchangeCertificate schema and its parts, made on first use (a command that parses no shell JSON makes none). */
function makeSchema() {
  /** A .NET Oid (SignatureAlgorithm, PublicKey.Oid). */
  const OidSchema = z.object({ FriendlyName: z.nullable(z.string()), Value: z.string() });

  /** One CryptoKeyAccessRule on the private key (AccessRules). */
  const AccessRuleSchema = z.object({
    IdentityReference: z.string(),
    CryptoKeyRights: z.string(),
    AccessControlType: z.enum(['Allow', 'Deny']),
  });

  /** One X509Extension (Extensions). */
  const ExtensionSchema = z.object({ Oid: OidSchema, Critical: z.boolean() });

  /** An X500DistinguishedName (IssuerName, SubjectName). */
  const DistinguishedNameSchema = z.object({ Name: z.string() });

  /**
   * Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate (an X509Certificate2 plus Exchange's
   * properties). `Services` is the enum's string form (`IMAP, POP, IIS, SMTP`, `None`); `ServicesStringForm` the letters.
   */
  const ExchangeCertificateSchema = z.object({
    AccessRules: z.nullable(z.array(AccessRuleSchema)),
    CertificateDomains: z.array(z.string()),
    HasPrivateKey: z.boolean(),
    IsSelfSigned: z.boolean(),
    Issuer: z.string(),
    NotAfter: z.date(),
    NotBefore: z.date(),
    PublicKeySize: z.number(),
    RootCAType: z.enum(ROOT_CA_TYPES),
    SerialNumber: z.string(),
    Services: z.string(),
    Status: z.enum(CERTIFICATE_STATUSES),
    Subject: z.string(),
    Thumbprint: z.string(),
    Archived: z.boolean(),
    CertificateRequest: z.nullable(z.string()),
    DnsNameList: z.array(z.string()),
    EnhancedKeyUsageList: z.array(z.string()),
    Extensions: z.array(ExtensionSchema),
    FriendlyName: z.string(),
    Handle: z.number(),
    Identity: z.nullable(z.string()),
    IISServices: z.array(z.string()),
    IssuerName: DistinguishedNameSchema,
    KeyIdentifier: z.nullable(z.string()),
    PrivateKey: z.nullable(z.object({ KeySize: z.number(), KeyExchangeAlgorithm: z.string() })),
    PrivateKeyExportable: z.boolean(),
    PublicKey: z.object({ Oid: OidSchema, KeySize: z.number() }),
    RawData: z.instanceof(Uint8Array),
    SendAsTrustedIssuer: z.boolean(),
    ServicesStringForm: z.string(),
    SignatureAlgorithm: OidSchema,
    SubjectKeyIdentifier: z.nullable(z.string()),
    SubjectName: DistinguishedNameSchema,
    Version: z.number(),
  });
  return ExchangeCertificateSchema;
}

let schema: ReturnType<typeof makeSchema> | undefined;

/**
 * The zod schema of an ExchangeCertificate (made once, on first use).
 * @example exchangeCertificateSchema().parse(value)
 */
export function exchangeCertificateSchema(): ReturnType<typeof makeSchema> {
  return (schema ??= makeSchema());
}

/** An ExchangeCertificate object as the mock and real-shell backends hand it out. */
export type ExchangeCertificate = z.infer<ReturnType<typeof makeSchema>>;

/** The Format-List default view (rule 22), in order. */
export const EXCHANGE_CERTIFICATE_LIST_VIEW = [
  'AccessRules',
  'CertificateDomains',
  'HasPrivateKey',
  'IsSelfSigned',
  'Issuer',
  'NotAfter',
  'NotBefore',
  'PublicKeySize',
  'RootCAType',
  'SerialNumber',
  'Services',
  'Status',
  'Subject',
  'Thumbprint',
] as const;

/** The default table view (rule 21): the Services column shows ServicesStringForm. */
export const EXCHANGE_CERTIFICATE_TABLE_VIEW = ['Thumbprint', 'Services', 'Subject'] as const;

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

/** A deserialized Oid: an object, or the string a remote session leaves. */
function oidFromJson(value: unknown): unknown {
  if (typeof value === 'string') return { FriendlyName: value, Value: '' };
  const r = asRecord(value);
  return {
    FriendlyName: typeof r['FriendlyName'] === 'string' ? r['FriendlyName'] : null,
    Value: typeof r['Value'] === 'string' ? r['Value'] : '',
  };
}

function nameFromJson(value: unknown, fallback: unknown): unknown {
  if (typeof value === 'string') return { Name: value };
  const name = asRecord(value)['Name'];
  return { Name: typeof name === 'string' ? name : fallback };
}

/** An access rule a remote session stringified (`@{IdentityReference=…; CryptoKeyRights=…; AccessControlType=…}`) as an object. */
function accessRuleFromJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^@\{(.*)\}$/s.exec(value);
  if (!m) return value;
  const rule: Record<string, string> = {};
  for (const part of m[1]!.split('; ')) {
    const at = part.indexOf('=');
    if (at > 0) rule[part.slice(0, at)] = part.slice(at + 1);
  }
  return rule;
}

// Items as text: a session's objects by their Address (SmtpDomainWithSubdomains, `*.contoso.com`) or Value.
const stringList = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v : String(asRecord(v)['Address'] ?? asRecord(v)['Value'] ?? v)))
    : value == null
      ? []
      : [String(value)];

/**
 * Parses an ExchangeCertificate from JSON as a real shell sends it (ConvertTo-Json): ISO or `/Date(ms)/` dates, RawData
 * as numbers or base64, Services as a number or a string; properties a remote session stringifies are normalised.
 * Throws a ZodError when required properties are missing or have the wrong type.
 * @example exchangeCertificateFromJson(JSON.parse(text)).NotAfter instanceof Date // true
 */
export function exchangeCertificateFromJson(json: unknown): ExchangeCertificate {
  const r = asRecord(json);
  const services = r['Services'];
  const extensions = Array.isArray(r['Extensions'])
    ? (r['Extensions'] as unknown[]).map((e) => ({
        Oid: oidFromJson(asRecord(e)['Oid']),
        Critical: asRecord(e)['Critical'] === true,
      }))
    : [];
  const publicKey = asRecord(r['PublicKey']);
  const privateKey = r['PrivateKey'];
  return exchangeCertificateSchema().parse({
    ...r,
    AccessRules: Array.isArray(r['AccessRules']) ? (r['AccessRules'] as unknown[]).map(accessRuleFromJson) : null,
    CertificateDomains: stringList(r['CertificateDomains']),
    NotAfter: dateFromJson(r['NotAfter']),
    NotBefore: dateFromJson(r['NotBefore']),
    Services:
      typeof services === 'number' || typeof services === 'string'
        ? servicesString(servicesFromString(services))
        : services,
    Archived: r['Archived'] === true,
    CertificateRequest:
      typeof r['CertificateRequest'] === 'string' && r['CertificateRequest'] !== '' ? r['CertificateRequest'] : null,
    DnsNameList: stringList(r['DnsNameList']),
    EnhancedKeyUsageList: stringList(r['EnhancedKeyUsageList']),
    Extensions: extensions,
    FriendlyName: typeof r['FriendlyName'] === 'string' ? r['FriendlyName'] : '',
    Handle: typeof r['Handle'] === 'number' ? r['Handle'] : 0,
    Identity: typeof r['Identity'] === 'string' ? r['Identity'] : null,
    IISServices: stringList(r['IISServices']),
    IssuerName: nameFromJson(r['IssuerName'], r['Issuer']),
    KeyIdentifier: typeof r['KeyIdentifier'] === 'string' ? r['KeyIdentifier'] : null,
    PrivateKey:
      typeof privateKey === 'object' && privateKey !== null && typeof asRecord(privateKey)['KeySize'] === 'number'
        ? {
            KeySize: asRecord(privateKey)['KeySize'],
            KeyExchangeAlgorithm: String(asRecord(privateKey)['KeyExchangeAlgorithm'] ?? ''),
          }
        : null,
    PrivateKeyExportable: r['PrivateKeyExportable'] === true,
    PublicKey: {
      Oid: oidFromJson(publicKey['Oid'] ?? 'RSA'),
      KeySize: typeof publicKey['KeySize'] === 'number' ? publicKey['KeySize'] : r['PublicKeySize'],
    },
    RawData: bytesFromJson(r['RawData']),
    SendAsTrustedIssuer: r['SendAsTrustedIssuer'] === true,
    SignatureAlgorithm: oidFromJson(r['SignatureAlgorithm']),
    SubjectKeyIdentifier: typeof r['SubjectKeyIdentifier'] === 'string' ? r['SubjectKeyIdentifier'] : null,
    SubjectName: nameFromJson(r['SubjectName'], r['Subject']),
    Version: typeof r['Version'] === 'number' ? r['Version'] : 3,
  });
}

/** Short name of {@link exchangeCertificateFromJson} for backends that parse shell JSON. */
export const fromJson = exchangeCertificateFromJson;

/** True for an ExchangeCertificate object. */
export function isExchangeCertificate(value: unknown): value is ExchangeCertificate {
  return exchangeCertificateSchema().safeParse(value).success;
}
