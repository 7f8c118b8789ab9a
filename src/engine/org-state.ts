// The simulated organization's state: plain records the stores persist and the cmdlets read and write.
import type { ExchangeMajor, ExchangeTarget } from '../spec/exchange-target.js';
import { parseExchangeTarget } from '../spec/exchange-target.js';
import type { WindowsServer } from '../spec/windows-server.js';
import { DEFAULT_WINDOWS } from '../spec/windows-server.js';

/** An Exchange server. */
export interface ServerRecord {
  /** NetBIOS name as given (e.g. `AMS-EXCH01`); lookups are case-insensitive. */
  readonly name: string;
  readonly fqdn: string;
  readonly major: ExchangeMajor;
  readonly cu: number;
  /** Roles installed: Mailbox (with client access on 2016+), ClientAccess, HubTransport, FrontendTransport, Edge, UnifiedMessaging. */
  readonly roles: readonly string[];
  readonly createdAt: string;
}

/** A certificate in a server's Local Computer\Personal store. */
export interface CertificateRecord {
  readonly server: string;
  /** SHA-1 of the DER, 40 upper-case hex digits. */
  readonly thumbprint: string;
  readonly der: Uint8Array;
  /** PKCS#8 DER of the private key, or null (a .cer imported without its key). Stored as the server holds it. */
  readonly privateKey: Uint8Array | null;
  readonly exportable: boolean;
  /** Empty string when the certificate has none (Get then shows the Issuer, rule 25). */
  readonly friendlyName: string;
  /** How its root is trusted on this server: setup-created self-signed certificates are copied to Root (Registry). */
  readonly rootCaType: 'None' | 'Registry' | 'ThirdParty' | 'Enterprise' | 'GroupPolicy' | 'Unknown' | null;
  readonly createdAt: string;
}

/** A pending request (the placeholder CertEnroll keeps in the REQUEST store, rule 110). */
export interface RequestRecord {
  readonly server: string;
  /** The placeholder's own thumbprint, unrelated to the issued certificate's. */
  readonly thumbprint: string;
  /** DER of the PKCS#10 request. */
  readonly csr: Uint8Array;
  /** DER of the placeholder certificate (self-signed with the request key). */
  readonly placeholder: Uint8Array;
  readonly privateKey: Uint8Array;
  readonly exportable: boolean;
  readonly friendlyName: string;
  readonly createdAt: string;
}

/** IIS state Exchange derives the IIS service from. */
export interface IisSite {
  readonly name: string;
  /** `IIS://<Server>/W3SVC/<id>` id. */
  readonly id: number;
  readonly requireSsl: boolean;
  /** Thumbprint bound to https on this site, or null. */
  readonly sslThumbprint: string | null;
}

/** Per-server configuration that services and refusals are worked out from (rule 29, Remove rules). */
export interface ServerConfig {
  readonly iisSites: readonly IisSite[];
  /** POP3/IMAP4 X509CertificateName (an FQDN), or null. */
  readonly pop3CertificateName: string | null;
  readonly imap4CertificateName: string | null;
  /** Default SMTP (internal transport) certificate thumbprint, stored in AD. */
  readonly transportCertificate: string | null;
  /** Thumbprints whose private key Network Service may read (SMTP letter on transport servers). */
  readonly networkServiceAcl: readonly string[];
  readonly umCertificate: string | null;
  readonly umCallRouterCertificate: string | null;
  readonly umStartupMode: 'TCP' | 'TLS' | 'Dual';
  /** Thumbprints of certificates in Trusted Root (roots this server trusts besides the vendor CA). */
  readonly trustedRoots: readonly {
    readonly thumbprint: string;
    readonly der: Uint8Array;
    readonly source: 'Registry' | 'ThirdParty' | 'Enterprise' | 'GroupPolicy';
  }[];
  /** POP3 / IMAP4 settings other than the certificate name (absent: Exchange's defaults). */
  readonly pop3Settings?: ProtocolSettingsRecord;
  readonly imap4Settings?: ProtocolSettingsRecord;
  /** The server's Windows version (absent in older states: the default for its Exchange version, spec/windows-server.ts). */
  readonly windows?: WindowsServer;
}

/** A send or receive connector's TLS certificate name (`<I>issuer<S>subject`). */
export interface ConnectorRecord {
  readonly name: string;
  /** Receive connectors belong to a server; send connectors to the organization (null). */
  readonly server: string | null;
  readonly kind: 'Send' | 'Receive';
  readonly fqdn: string | null;
  readonly tlsCertificateName: string | null;
  /** Absent in older states: true. */
  readonly enabled?: boolean;
  /** Absent: false. */
  readonly requireTls?: boolean;
  /** Absent: empty. */
  readonly comment?: string;
  /** Set-ReceiveConnector -Banner (absent: none). */
  readonly banner?: string | null;
  /** Set-SendConnector -TlsAuthLevel / -TlsDomain (absent: none). */
  readonly tlsAuthLevel?: string | null;
  readonly tlsDomain?: string | null;
}

/** The organization's Auth configuration (Get-/Set-AuthConfig): the OAuth certificate and its rollover. */
export interface AuthConfigRecord {
  readonly currentCertificateThumbprint: string | null;
  readonly previousCertificateThumbprint: string | null;
  readonly nextCertificateThumbprint: string | null;
  /** ISO time the next certificate becomes current, or null. */
  readonly nextCertificateEffectiveDate: string | null;
  readonly serviceName: string;
  readonly realm: string;
}

/** Exchange's fixed ServiceName for itself as an OAuth partner application (set by setup). */
export const EXCHANGE_SERVICE_NAME = '00000002-0000-0ff1-ce00-000000000000';

/** POP3/IMAP4 settings besides the certificate name (Set-PopSettings / Set-ImapSettings). */
export interface ProtocolSettingsRecord {
  readonly loginType: 'PlainTextLogin' | 'PlainTextAuthentication' | 'SecureLogin';
  readonly externalConnectionSettings: readonly string[];
  readonly internalConnectionSettings: readonly string[] | null;
  readonly sslBindings: readonly string[];
  readonly unencryptedOrTlsBindings: readonly string[];
}

/** Organization-wide configuration. */
export interface OrgConfig {
  readonly acceptedDomains: readonly {
    readonly name: string;
    readonly domainName: string;
    readonly domainType: 'Authoritative' | 'InternalRelay' | 'ExternalRelay';
  }[];
  readonly connectors: readonly ConnectorRecord[];
  /** Auth configuration: the OAuth certificate (rule 102), copied to every 2013+ server; the current one of authConfig. */
  readonly authCertificateThumbprint: string | null;
  /** The whole Auth configuration (absent in states written before schema version 2: see authConfigOf). */
  readonly authConfig?: AuthConfigRecord;
  readonly federationCertificates: readonly string[];
  /** Vendor CA roots every mock server trusts (ThirdParty). */
  readonly trustedVendorRoots: readonly { readonly thumbprint: string; readonly der: Uint8Array }[];
  /** Offset added to the real clock (tests move time forward to expire certificates). */
  readonly clockOffsetMs: number;
}

/** Reads and writes inside one transaction; every method is synchronous. */
export interface StateTransaction {
  listServers(): readonly ServerRecord[];
  getServer(name: string): ServerRecord | undefined;
  putServer(server: ServerRecord): void;

  listCertificates(server: string): readonly CertificateRecord[];
  getCertificate(server: string, thumbprint: string): CertificateRecord | undefined;
  putCertificate(cert: CertificateRecord): void;
  deleteCertificate(server: string, thumbprint: string): void;

  listRequests(server: string): readonly RequestRecord[];
  getRequest(server: string, thumbprint: string): RequestRecord | undefined;
  putRequest(request: RequestRecord): void;
  deleteRequest(server: string, thumbprint: string): void;

  getServerConfig(server: string): ServerConfig;
  putServerConfig(server: string, config: ServerConfig): void;

  getOrgConfig(): OrgConfig;
  putOrgConfig(config: OrgConfig): void;

  /** Free-form JSON values (the vendor CA state, schema facts). */
  getValue(key: string): unknown;
  putValue(key: string, value: unknown): void;

  /** Keeps the facts of a CA certificate the state refers to (a trusted root, an intermediate), as a certificate's. */
  putCertificateFacts(der: Uint8Array, thumbprint: string): void;
  /** Brings a certificate's stored facts into this process, so that showing or chaining it parses no X.509. */
  loadCertificateFacts(der: Uint8Array, thumbprint: string): void;
}

/** The persisted organization: one transaction per cmdlet call; a failed call leaves nothing behind. */
export interface StateStore {
  /** Runs fn in a read transaction. */
  read<T>(fn: (tx: StateTransaction) => T): T;
  /** Runs fn in a write transaction; a throw rolls everything back. */
  write<T>(fn: (tx: StateTransaction) => T): T;
  close(): void;
}

/** Files as a Windows machine sees them: `C:\install\x.req`, `\\host\share\x`. */
export interface VirtualFs {
  /** The host path a Windows path maps to (refuses paths that escape the root). */
  resolve(windowsPath: string): string;
  readFile(windowsPath: string): Uint8Array;
  writeFile(windowsPath: string, data: Uint8Array): void;
  exists(windowsPath: string): boolean;
  /** The entries of a folder (Get-ChildItem); absent where the file system cannot list. */
  listFolder?(windowsPath: string): readonly VirtualFsEntry[];
  /** Deletes a file or an empty folder (Remove-Item). */
  remove?(windowsPath: string): void;
  /** Creates a folder and its missing parents (New-Item -ItemType Directory). */
  makeDirectory?(windowsPath: string): void;
}

/** One entry of a folder of the virtual file system. */
export interface VirtualFsEntry {
  /** The name as stored (its case as first written). */
  readonly name: string;
  readonly isDirectory: boolean;
  /** Bytes (0 for folders). */
  readonly length: number;
  readonly lastWriteTime: Date;
}

/** The Exchange build a server runs, as a target (`2010`, `2013-CU23`, `2019-CU14`): its cmdlets' parameters. */
export function serverTarget(server: Pick<ServerRecord, 'major' | 'cu'>): ExchangeTarget {
  return parseExchangeTarget(server.major === '2010' ? '2010' : `${server.major}-CU${server.cu}`);
}

/** Lower-case key for server names. */
export function serverKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The empty configuration a server starts from before setup fills it. */
export const EMPTY_SERVER_CONFIG: ServerConfig = Object.freeze({
  iisSites: Object.freeze([]),
  pop3CertificateName: null,
  imap4CertificateName: null,
  transportCertificate: null,
  networkServiceAcl: Object.freeze([]),
  umCertificate: null,
  umCallRouterCertificate: null,
  umStartupMode: 'TCP' as const,
  trustedRoots: Object.freeze([]),
});

/** The empty organization. */
export const EMPTY_ORG_CONFIG: OrgConfig = Object.freeze({
  acceptedDomains: Object.freeze([]),
  connectors: Object.freeze([]),
  authCertificateThumbprint: null,
  federationCertificates: Object.freeze([]),
  trustedVendorRoots: Object.freeze([]),
  clockOffsetMs: 0,
});

/** The Windows version a server runs (its configuration's, else the default for its Exchange version). */
export function serverWindows(server: ServerRecord, config: ServerConfig): WindowsServer {
  return config.windows ?? DEFAULT_WINDOWS[server.major];
}

/** The organization's Auth configuration: the stored one, else the one setup made (current = the Auth certificate). */
export function authConfigOf(org: OrgConfig): AuthConfigRecord {
  return (
    org.authConfig ?? {
      currentCertificateThumbprint: org.authCertificateThumbprint,
      previousCertificateThumbprint: null,
      nextCertificateThumbprint: null,
      nextCertificateEffectiveDate: null,
      serviceName: EXCHANGE_SERVICE_NAME,
      realm: '',
    }
  );
}
