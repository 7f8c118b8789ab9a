// What Exchange setup leaves on a new server (rules 101-103, 113, 114; VERSIONS.md §2.6), for `exchcert mock` and tests.
import {
  createSelfSignedCertificate,
  exportPrivateKeyPkcs8,
  generateRsaKeyPair,
  thumbprintOf,
  truncateToSeconds,
} from '../pki/index.js';
import type { CertificateInfo } from '../pki/index.js';
import { parseExchangeTarget } from '../spec/exchange-target.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import { ExchcertError } from '../errors/exchcert-error.js';
import { DEFAULT_WINDOWS, parseWindowsServer, wmsvcName } from '../spec/windows-server.js';
import type { WindowsServer } from '../spec/windows-server.js';
import type { KeySource } from './mock-environment.js';
import type {
  CertificateRecord,
  ConnectorRecord,
  IisSite,
  ServerConfig,
  ServerRecord,
  StateStore,
  StateTransaction,
} from './org-state.js';
import { EMPTY_SERVER_CONFIG, authConfigOf } from './org-state.js';
import { findServer } from './server-lookup.js';
import { defaultRoles, roleFlags } from './server-roles.js';

/** A server to set up. */
export interface AddServerSpec {
  /** NetBIOS name, e.g. `AMS-EXCH01`. */
  readonly name: string;
  /** Default `<name>.<the organization's domain>` (`contoso.local` for the first server). */
  readonly fqdn?: string;
  /** `2010`, `2013`, `2019-CU14`, `SE`... */
  readonly exchange: string | ExchangeTarget;
  /** Default: a typical server of that version (2010 Mailbox+ClientAccess+HubTransport, 2013 Mailbox+ClientAccess, 2016+ Mailbox). */
  readonly roles?: readonly string[];
  /** Windows Server version (default by Exchange version: spec/windows-server.ts `DEFAULT_WINDOWS`). */
  readonly windows?: WindowsServer | string;
}

const AUTH_KEY = 'exchange.authCertificate';
const AUTH_SUBJECT = 'CN=Microsoft Exchange Server Auth Certificate';
const DAY_MS = 86_400_000;
/** How long before Exchange setup the mock's Windows made the WMSVC certificate. */
const WMSVC_HEAD_START_MS = 3_600_000;

/** The stored organization-wide Auth certificate (one per organization, copied to every 2013+ server). */
interface StoredAuthCertificate {
  readonly der: Uint8Array;
  readonly privateKey: Uint8Array;
}

function storedAuth(tx: StateTransaction): StoredAuthCertificate | undefined {
  const v = tx.getValue(AUTH_KEY) as Partial<StoredAuthCertificate> | undefined;
  return v && v.der instanceof Uint8Array && v.privateKey instanceof Uint8Array
    ? { der: v.der, privateKey: v.privateKey }
    : undefined;
}

/** The domain new servers join: that of the existing servers, else `contoso.local`. */
function organizationDomain(tx: StateTransaction): string {
  const fqdn = tx.listServers()[0]?.fqdn;
  const dot = fqdn?.indexOf('.') ?? -1;
  return fqdn && dot > 0 ? fqdn.slice(dot + 1) : 'contoso.local';
}

/** The certificates setup creates for one server; made before the write transaction (crypto is async). */
interface SetupCertificates {
  readonly exchange: { readonly cert: CertificateInfo; readonly key: Uint8Array };
  readonly wmsvc: { readonly cert: CertificateInfo; readonly key: Uint8Array } | undefined;
  readonly auth: StoredAuthCertificate | undefined;
}

async function makeSetupCertificates(
  target: ExchangeTarget,
  windows: WindowsServer,
  name: string,
  fqdn: string,
  edge: boolean,
  needAuth: boolean,
  now: Date,
  keys: KeySource,
): Promise<SetupCertificates> {
  const exchangeKey = await keys(2048);
  const exchange = await createSelfSignedCertificate({
    key: exchangeKey,
    subject: `CN=${name}`,
    dnsNames: [name, fqdn],
    hash: 'SHA-1',
    notBefore: now,
    validityMonths: 60,
  });
  let wmsvc: SetupCertificates['wmsvc'];
  if (target.major !== '2010' && !edge) {
    const key = await keys(2048);
    // Windows made it when the Web Management Service prerequisite was installed, before Exchange setup (listed last).
    const made = new Date(now.getTime() - WMSVC_HEAD_START_MS);
    const cert = await createSelfSignedCertificate({
      key,
      subject: `CN=${wmsvcName(windows, name)}`,
      hash: 'SHA-256',
      notBefore: made,
      notAfter: new Date(made.getTime() + 3650 * DAY_MS),
    });
    wmsvc = { cert, key: exportPrivateKeyPkcs8(key) };
  }
  let auth: StoredAuthCertificate | undefined;
  if (needAuth) {
    const key = await keys(2048);
    // Setup makes it valid exactly 1800 days (rule 102); later ones made with New-ExchangeCertificate get 5 years.
    const cert = await createSelfSignedCertificate({
      key,
      subject: AUTH_SUBJECT,
      hash: 'SHA-1',
      notBefore: now,
      notAfter: new Date(now.getTime() + 1800 * DAY_MS),
    });
    auth = { der: cert.der, privateKey: exportPrivateKeyPkcs8(key) };
  }
  return { exchange: { cert: exchange, key: exportPrivateKeyPkcs8(exchangeKey) }, wmsvc, auth };
}

function record(
  server: string,
  der: Uint8Array,
  thumbprint: string,
  key: Uint8Array,
  exportable: boolean,
  friendlyName: string,
  rootCaType: CertificateRecord['rootCaType'],
  now: Date,
): CertificateRecord {
  return {
    server,
    thumbprint,
    der,
    privateKey: key,
    exportable,
    friendlyName,
    rootCaType,
    createdAt: now.toISOString(),
  };
}

/**
 * Adds a server as setup leaves it: the self-signed "Microsoft Exchange" certificate (SHA-1, CN=<name>, SANs name+FQDN,
 * 5 years, not exportable, also in Trusted Root), on 2013+ the organization's Auth certificate (created by the first
 * 2013+ server, same thumbprint everywhere, exportable, SMTP, 1800 days) and the WMSVC certificate Windows made before
 * setup (WMSvc-<name> or WMSvc-SHA2-<name> by Windows version, 3650 days, exportable, Trusted Root); IIS Default Web Site (Require SSL on) and Exchange Back End bound to "Microsoft Exchange"; POP/IMAP
 * X509CertificateName = FQDN; default SMTP certificate and Network Service access; an Authoritative accepted domain, a
 * receive connector for the server and one send connector when the organization has none.
 * @example await addServer(store, { name: 'AMS-EXCH01', fqdn: 'AMS-EXCH01.labs.local', exchange: '2013' }, new Date())
 */
export async function addServer(
  store: StateStore,
  spec: AddServerSpec,
  now: Date,
  keys: KeySource = generateRsaKeyPair,
): Promise<ServerRecord> {
  const target = parseExchangeTarget(spec.exchange);
  const at = truncateToSeconds(now);
  const name = spec.name.trim();
  const roles = [...(spec.roles ?? defaultRoles(target.major))];
  const edge = roleFlags({ major: target.major, roles }).edge;
  const { fqdn, needAuth } = store.read((tx) => {
    if (findServer(tx, name))
      throw new ExchcertError('SERVER_EXISTS', `The organization already has a server named '${name}'.`);
    return {
      fqdn: spec.fqdn ?? `${name}.${organizationDomain(tx)}`,
      needAuth: target.major !== '2010' && !edge && storedAuth(tx) === undefined,
    };
  });
  const windows = spec.windows === undefined ? DEFAULT_WINDOWS[target.major] : parseWindowsServer(spec.windows);
  const certs = await makeSetupCertificates(target, windows, name, fqdn, edge, needAuth, at, keys);
  return store.write((tx) => {
    if (findServer(tx, name))
      throw new ExchcertError('SERVER_EXISTS', `The organization already has a server named '${name}'.`);
    const server: ServerRecord = { name, fqdn, major: target.major, cu: target.cu, roles, createdAt: at.toISOString() };
    tx.putServer(server);
    const flags = roleFlags(server);
    const ex = certs.exchange.cert;
    tx.putCertificate(
      record(name, ex.der, ex.thumbprint, certs.exchange.key, false, 'Microsoft Exchange', 'Registry', at),
    );
    const trustedRoots: ServerConfig['trustedRoots'][number][] = [
      { thumbprint: ex.thumbprint, der: ex.der, source: 'Registry' },
    ];
    const acl = [ex.thumbprint];
    if (certs.wmsvc) {
      const w = certs.wmsvc.cert;
      const friendly = w.subject.startsWith('CN=WMSvc-SHA2-') ? 'WMSVC-SHA2' : 'WMSVC';
      tx.putCertificate(record(name, w.der, w.thumbprint, certs.wmsvc.key, true, friendly, 'Registry', at));
      trustedRoots.push({ thumbprint: w.thumbprint, der: w.der, source: 'Registry' });
    }
    if (certs.auth && storedAuth(tx) === undefined) tx.putValue(AUTH_KEY, certs.auth);
    const auth = target.major !== '2010' && !edge ? storedAuth(tx) : undefined;
    if (auth) {
      const thumbprint = thumbprintOf(auth.der);
      tx.putCertificate(
        record(
          name,
          auth.der,
          thumbprint,
          auth.privateKey,
          true,
          'Microsoft Exchange Server Auth Certificate',
          'None',
          at,
        ),
      );
      acl.push(thumbprint);
      const org = tx.getOrgConfig();
      if (org.authCertificateThumbprint === null)
        tx.putOrgConfig({
          ...org,
          authCertificateThumbprint: thumbprint,
          authConfig: { ...authConfigOf(org), currentCertificateThumbprint: thumbprint },
        });
    }
    const iisSites: IisSite[] = [];
    if (!edge) {
      iisSites.push({ name: 'Default Web Site', id: 1, requireSsl: true, sslThumbprint: ex.thumbprint });
      if (target.major !== '2010' && flags.mailbox)
        iisSites.push({ name: 'Exchange Back End', id: 2, requireSsl: false, sslThumbprint: ex.thumbprint });
    }
    const cas = flags.clientAccess || flags.cafe;
    tx.putServerConfig(name, {
      ...EMPTY_SERVER_CONFIG,
      iisSites,
      pop3CertificateName: cas ? fqdn : null,
      imap4CertificateName: cas ? fqdn : null,
      transportCertificate: ex.thumbprint,
      networkServiceAcl: acl,
      trustedRoots,
      windows,
    });
    seedOrganization(tx, server);
    return server;
  });
}

/** Accepted domain, receive connector and send connector a new organization gets. */
function seedOrganization(tx: StateTransaction, server: ServerRecord): void {
  const org = tx.getOrgConfig();
  const dot = server.fqdn.indexOf('.');
  const domain = dot > 0 ? server.fqdn.slice(dot + 1).toLowerCase() : server.fqdn.toLowerCase();
  const acceptedDomains =
    org.acceptedDomains.length > 0
      ? org.acceptedDomains
      : [{ name: domain, domainName: domain, domainType: 'Authoritative' as const }];
  const connectors: ConnectorRecord[] = [...org.connectors];
  connectors.push({
    name: `Default ${server.name}`,
    server: server.name,
    kind: 'Receive',
    fqdn: server.fqdn,
    tlsCertificateName: null,
  });
  if (!connectors.some((c) => c.kind === 'Send'))
    connectors.push({ name: 'Internet', server: null, kind: 'Send', fqdn: null, tlsCertificateName: null });
  tx.putOrgConfig({ ...tx.getOrgConfig(), acceptedDomains, connectors });
}
