// Builds the ExchangeCertificate object a cmdlet outputs for an installed certificate or a pending request.
import { enhancedKeyUsageDisplay } from '../pki/index.js';
import type { CertificateInfo } from '../pki/index.js';
import { EXCHANGE_SERVICES } from '../spec/exchange-services.js';
import { servicesString, servicesStringForm } from '../spec/output/allowed-services.js';
import type { ExchangeCertificate } from '../spec/output/exchange-certificate.js';
import { certificateExtensions, certificateInfo, keyIdentifier } from './certificate-cache.js';
import { evaluateChain } from './certificate-chain.js';
import { deriveServices } from './certificate-services.js';
import type { CertificateRecord, RequestRecord, ServerRecord, StateTransaction } from './org-state.js';
import { intermediateCertificates, trustAnchors } from './trust-store.js';
import { sameThumbprint } from './thumbprint-format.js';

const EXTENSION_NAMES: Readonly<Record<string, string>> = {
  '2.5.29.14': 'Subject Key Identifier',
  '2.5.29.15': 'Key Usage',
  '2.5.29.17': 'Subject Alternative Name',
  '2.5.29.19': 'Basic Constraints',
  '2.5.29.35': 'Authority Key Identifier',
  '2.5.29.37': 'Enhanced Key Usage',
  '2.5.29.31': 'CRL Distribution Points',
  '1.3.6.1.5.5.7.1.1': 'Authority Information Access',
};

/** How the object is being produced: Get shows the Issuer as FriendlyName when there is none (rule 25). */
export interface ViewOptions {
  readonly forGet?: boolean;
  /** Services the cmdlet adds after a confirmed second RPC (New ORs them into the returned object). */
  readonly extraServices?: number;
}

/** Base64 in 64-character lines ending in CR LF, as CertEnroll returns a request (CertificateRequest). */
function base64Lines(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  let out = '';
  for (let i = 0; i < b64.length; i += 64) out += `${b64.slice(i, i + 64)}\r\n`;
  return out;
}

function accessRules(hasKey: boolean, networkService: boolean): ExchangeCertificate['AccessRules'] {
  if (!hasKey) return null;
  const rules: NonNullable<ExchangeCertificate['AccessRules']> = [
    { IdentityReference: 'NT AUTHORITY\\SYSTEM', CryptoKeyRights: 'FullControl', AccessControlType: 'Allow' },
    { IdentityReference: 'BUILTIN\\Administrators', CryptoKeyRights: 'FullControl', AccessControlType: 'Allow' },
  ];
  if (networkService)
    rules.push({
      IdentityReference: 'NT AUTHORITY\\NETWORK SERVICE',
      CryptoKeyRights: 'GenericRead',
      AccessControlType: 'Allow',
    });
  return rules;
}

/** The X509Certificate2 part every view shares. */
function baseView(
  info: CertificateInfo,
  server: ServerRecord,
): Omit<
  ExchangeCertificate,
  | 'AccessRules'
  | 'HasPrivateKey'
  | 'IsSelfSigned'
  | 'RootCAType'
  | 'Services'
  | 'ServicesStringForm'
  | 'Status'
  | 'CertificateRequest'
  | 'FriendlyName'
  | 'IISServices'
  | 'PrivateKey'
  | 'PrivateKeyExportable'
> {
  return {
    CertificateDomains: [...info.certificateDomains],
    Issuer: info.issuer,
    NotAfter: new Date(info.notAfter.getTime()),
    NotBefore: new Date(info.notBefore.getTime()),
    PublicKeySize: info.publicKeySize,
    SerialNumber: info.serialNumber,
    Subject: info.subject,
    Thumbprint: info.thumbprint,
    Archived: false,
    DnsNameList: [...info.dnsNames],
    EnhancedKeyUsageList: (info.enhancedKeyUsage ?? []).map(enhancedKeyUsageDisplay),
    Extensions: certificateExtensions(info).map((e) => ({
      Oid: { FriendlyName: EXTENSION_NAMES[e.oid] ?? null, Value: e.oid },
      Critical: e.critical,
    })),
    Handle: Number.parseInt(info.thumbprint.slice(0, 8), 16),
    Identity: `${server.fqdn}\\${info.thumbprint}`,
    IssuerName: { Name: info.issuer },
    KeyIdentifier: keyIdentifier(info),
    PublicKey: {
      Oid: {
        FriendlyName: info.publicKeyAlgorithm,
        Value: info.publicKeyAlgorithm === 'RSA' ? '1.2.840.113549.1.1.1' : '',
      },
      KeySize: info.publicKeySize,
    },
    RawData: new Uint8Array(info.der),
    SendAsTrustedIssuer: false,
    SignatureAlgorithm: { FriendlyName: info.signatureAlgorithm, Value: info.signatureAlgorithmOid },
    SubjectKeyIdentifier: info.subjectKeyIdentifier ?? null,
    SubjectName: { Name: info.subject },
    Version: info.version,
  };
}

/**
 * The object for a certificate in the Personal store: Status/RootCAType from the chain at `now`, Services derived.
 * @example installedCertificateView(tx, server, record, now, { forGet: true }).ServicesStringForm // 'IP.WS..'
 */
export function installedCertificateView(
  tx: StateTransaction,
  server: ServerRecord,
  record: CertificateRecord,
  now: Date,
  options: ViewOptions = {},
): ExchangeCertificate {
  const info = certificateInfo(record.der);
  const hasKey = record.privateKey !== null;
  const chain = evaluateChain(info, trustAnchors(tx, server.name), intermediateCertificates(tx, server.name), now);
  const services = deriveServices(tx, server, {
    thumbprint: info.thumbprint,
    certificateDomains: info.certificateDomains,
    hasPrivateKey: hasKey,
  });
  const flags = services.flags | (options.extraServices ?? 0);
  const acl = tx.getServerConfig(server.name).networkServiceAcl.some((t) => sameThumbprint(t, info.thumbprint));
  return {
    ...baseView(info, server),
    AccessRules: accessRules(hasKey, acl),
    HasPrivateKey: hasKey,
    IsSelfSigned: chain.selfSigned,
    RootCAType: chain.rootCaType,
    Services: servicesString(flags),
    ServicesStringForm: servicesStringForm(flags, EXCHANGE_SERVICES[server.major].letterWidth),
    Status: chain.status,
    CertificateRequest: null,
    FriendlyName: record.friendlyName === '' && options.forGet ? info.issuer : record.friendlyName,
    IISServices: [...services.iisServices],
    PrivateKey: hasKey ? { KeySize: info.publicKeySize, KeyExchangeAlgorithm: 'RSA-PKCS1-KeyEx' } : null,
    PrivateKeyExportable: hasKey && record.exportable,
  };
}

/**
 * The object for a pending request (rules 27, 110): the placeholder's thumbprint and names, Status PendingRequest,
 * IsSelfSigned False, RootCAType Unknown, no services, CertificateRequest holding the Base64 request.
 */
export function pendingRequestView(server: ServerRecord, request: RequestRecord): ExchangeCertificate {
  const info = certificateInfo(request.placeholder);
  return {
    ...baseView(info, server),
    AccessRules: accessRules(true, false),
    HasPrivateKey: true,
    IsSelfSigned: false,
    RootCAType: 'Unknown',
    Services: servicesString(0),
    ServicesStringForm: servicesStringForm(0, EXCHANGE_SERVICES[server.major].letterWidth),
    Status: 'PendingRequest',
    CertificateRequest: base64Lines(request.csr),
    FriendlyName: request.friendlyName,
    IISServices: [],
    PrivateKey: { KeySize: info.publicKeySize, KeyExchangeAlgorithm: 'RSA-PKCS1-KeyEx' },
    PrivateKeyExportable: request.exportable,
  };
}
