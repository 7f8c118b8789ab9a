// Administrative changes to the simulated organization (`exchcert mock ...` commands and tests), outside any cmdlet.
import { loadVendorCa, readCertificate } from '../pki/index.js';
import type { BinaryInput, VendorCa, VendorCaState } from '../pki/index.js';
import { ExchcertError } from '../errors/exchcert-error.js';
import type { ConnectorRecord, OrgConfig, ServerConfig, StateStore, StateTransaction } from './org-state.js';
import { findServer } from './server-lookup.js';
import { addOrgIntermediates } from './trust-store.js';

function serverName(tx: StateTransaction, id: string): string {
  const server = findServer(tx, id);
  if (!server) throw new ExchcertError('SERVER_NOT_FOUND', `The organization has no server named '${id}'.`);
  return server.name;
}

function changeServer(store: StateStore, id: string, change: (c: ServerConfig) => ServerConfig): void {
  store.write((tx) => {
    const name = serverName(tx, id);
    tx.putServerConfig(name, change(tx.getServerConfig(name)));
  });
}

function changeOrg(store: StateStore, change: (c: OrgConfig) => OrgConfig): void {
  store.write((tx) => tx.putOrgConfig(change(tx.getOrgConfig())));
}

/**
 * A connector's TlsCertificateName for a certificate: `<I>issuer<S>subject` (Windows display forms).
 * @example tlsCertificateNameOf(der) // '<I>CN=Contoso TLS Issuing CA, O=Contoso<S>CN=mail.contoso.com'
 */
export function tlsCertificateNameOf(certificate: BinaryInput | string): string {
  const info = readCertificate(certificate);
  return `<I>${info.issuer}<S>${info.subject}`;
}

/** Creates or changes an organization-wide Send connector (its TlsCertificateName blocks Remove, rule 92). */
export function putSendConnector(
  store: StateStore,
  connector: { readonly name: string; readonly tlsCertificateName?: string | null; readonly fqdn?: string | null },
): void {
  changeOrg(store, (org) => {
    const existing = org.connectors.find(
      (c) => c.kind === 'Send' && c.name.toLowerCase() === connector.name.toLowerCase(),
    );
    const next: ConnectorRecord = {
      name: existing?.name ?? connector.name,
      server: null,
      kind: 'Send',
      fqdn: connector.fqdn !== undefined ? connector.fqdn : (existing?.fqdn ?? null),
      tlsCertificateName:
        connector.tlsCertificateName !== undefined
          ? connector.tlsCertificateName
          : (existing?.tlsCertificateName ?? null),
    };
    return { ...org, connectors: [...org.connectors.filter((c) => c !== existing), next] };
  });
}

/** Set-PopSettings / Set-ImapSettings -X509CertificateName on one server (null clears). */
export function setPopImapCertificateName(
  store: StateStore,
  server: string,
  names: { readonly pop?: string | null; readonly imap?: string | null },
): void {
  changeServer(store, server, (c) => ({
    ...c,
    ...(names.pop !== undefined ? { pop3CertificateName: names.pop } : {}),
    ...(names.imap !== undefined ? { imap4CertificateName: names.imap } : {}),
  }));
}

/** Replaces the accepted domains (type Authoritative unless given). */
export function setAcceptedDomains(
  store: StateStore,
  domains: readonly (
    | string
    | {
        readonly domainName: string;
        readonly name?: string;
        readonly domainType?: OrgConfig['acceptedDomains'][number]['domainType'];
      }
  )[],
): void {
  changeOrg(store, (org) => ({
    ...org,
    acceptedDomains: domains.map((d) =>
      typeof d === 'string'
        ? { name: d, domainName: d, domainType: 'Authoritative' as const }
        : { name: d.name ?? d.domainName, domainName: d.domainName, domainType: d.domainType ?? 'Authoritative' },
    ),
  }));
}

/** Sets the server's default SMTP (internal transport) certificate thumbprint in AD, or clears it. */
export function setTransportCertificate(store: StateStore, server: string, thumbprint: string | null): void {
  changeServer(store, server, (c) => ({
    ...c,
    transportCertificate: thumbprint === null ? null : thumbprint.toUpperCase(),
  }));
}

/** The UM / UM Call Router startup mode (rule 77: TLS or Dual needed to assign a certificate). */
export function setUmStartupMode(store: StateStore, server: string, mode: ServerConfig['umStartupMode']): void {
  changeServer(store, server, (c) => ({ ...c, umStartupMode: mode }));
}

/** Turns "Require SSL" on the Default Web Site root on or off (rule 73's question). */
export function setRequireSsl(store: StateStore, server: string, requireSsl: boolean): void {
  changeServer(store, server, (c) => ({
    ...c,
    iisSites: c.iisSites.map((s) => (s.id === 1 ? { ...s, requireSsl } : s)),
  }));
}

/** The federation trust's certificate thumbprints (New-/Set-FederationTrust territory). */
export function setFederationCertificates(store: StateStore, thumbprints: readonly string[]): void {
  changeOrg(store, (org) => ({ ...org, federationCertificates: thumbprints.map((t) => t.toUpperCase()) }));
}

/**
 * Moves the organization's clock to `at` (relative to `clock`, default the system clock).
 * @example setClock(store, new Date('2030-01-01T00:00:00Z'))
 */
export function setClock(store: StateStore, at: Date, clock: () => Date = () => new Date()): void {
  changeOrg(store, (org) => ({ ...org, clockOffsetMs: at.getTime() - clock().getTime() }));
}

/** Moves the organization's clock forward by `ms` (negative goes back). */
export function advanceClock(store: StateStore, ms: number): void {
  changeOrg(store, (org) => ({ ...org, clockOffsetMs: org.clockOffsetMs + ms }));
}

/**
 * Makes every server trust a vendor CA (its root ThirdParty, its intermediate reachable for chains).
 * @example trustVendorRoot(store, await createVendorCa({ name: 'Contoso Trust' }))
 */
export function trustVendorRoot(store: StateStore, vendor: VendorCa | VendorCaState): void {
  const ca = 'issue' in vendor ? vendor : loadVendorCa(vendor);
  store.write((tx) => {
    const org = tx.getOrgConfig();
    if (!org.trustedVendorRoots.some((r) => r.thumbprint === ca.root.thumbprint)) {
      tx.putOrgConfig({
        ...org,
        trustedVendorRoots: [...org.trustedVendorRoots, { thumbprint: ca.root.thumbprint, der: ca.root.der }],
      });
    }
    tx.putCertificateFacts(ca.root.der, ca.root.thumbprint);
    addOrgIntermediates(tx, [ca.intermediate.der]);
  });
}
