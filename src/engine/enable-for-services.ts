// What the server does to enable a certificate for services (ManageExchangeCertificate.EnableForServices, rules 44-46, 70-79).
import { isValidDnsName } from '../pki/index.js';
import { ALLOWED_SERVICES } from '../spec/ps-type.js';
import { approximated } from './approximated-messages.js';
import { certificateInfo } from './certificate-cache.js';
import { findAllForNames, findBest } from './certificate-selection.js';
import { CmdletFailure } from './cmdlet-failure.js';
import { formatUsDateTime } from './dotnet-date.js';
import { EXCHANGE_MESSAGES } from './exchange-messages.js';
import type { CertificateRecord, ServerRecord, StateTransaction } from './org-state.js';
import { updateServerConfig } from './server-config.js';
import { roleFlags } from './server-roles.js';
import { sameThumbprint } from './thumbprint-format.js';

/** A question the server hands back instead of acting (the cmdlet asks it with ShouldContinue). */
export interface ServiceConfirmation {
  readonly service: number;
  /** Which question (Yes/No to All are remembered per question). */
  readonly id: string;
  readonly message: string;
}

/** What EnableForServices did: questions to ask, warnings, and the error that stopped it (changes before it stay). */
export interface EnableOutcome {
  readonly confirmations: ServiceConfirmation[];
  readonly warnings: string[];
  readonly failure: CmdletFailure | null;
}

/** The request as the RPC carries it. */
export interface EnableRequest {
  readonly services: number;
  /** Not `-DoNotRequireSsl`. */
  readonly requireSsl: boolean;
  /** Not `-Force`: the server returns questions instead of replacing the SMTP/UM certificates or enforcing Require SSL. */
  readonly allowConfirmation: boolean;
  /** `-NetworkServiceAllowed`. */
  readonly forceNetworkService: boolean;
}

const has = (flags: number, service: keyof typeof ALLOWED_SERVICES): boolean =>
  (flags & ALLOWED_SERVICES[service]) !== 0;

/** The Default Web Site binding, Require SSL question or IIS-not-installed error (rule 73). */
function enableIis(
  tx: StateTransaction,
  server: ServerRecord,
  thumbprint: string,
  req: EnableRequest,
  out: EnableOutcome,
): void {
  const site = tx.getServerConfig(server.name).iisSites.find((s) => s.id === 1);
  if (!site) throw CmdletFailure.server(server.name, approximated('IISNotInstalled'), 'InvalidArgument');
  if (req.allowConfirmation && !site.requireSsl && req.requireSsl) {
    out.confirmations.push({
      service: ALLOWED_SERVICES.IIS,
      id: 'ConfirmEnforceRequireSslOnRoot',
      message: approximated('ConfirmEnforceRequireSslOnRoot'),
    });
    return;
  }
  updateServerConfig(tx, server.name, (c) => ({
    ...c,
    iisSites: c.iisSites.map((s) =>
      s.id === 1 ? { ...s, sslThumbprint: thumbprint, requireSsl: s.requireSsl || req.requireSsl } : s,
    ),
  }));
}

/** Network Service read access on the private key (SMTP/POP/IMAP/-NetworkServiceAllowed). */
function grantNetworkService(tx: StateTransaction, server: ServerRecord, record: CertificateRecord): void {
  if (record.privateKey === null)
    throw CmdletFailure.server(server.name, approximated('AddAccessRuleArgument', record.thumbprint), 'NotSpecified');
  updateServerConfig(tx, server.name, (c) =>
    c.networkServiceAcl.some((t) => sameThumbprint(t, record.thumbprint))
      ? c
      : { ...c, networkServiceAcl: [...c.networkServiceAcl, record.thumbprint] },
  );
}

/** WarnIfNotBestMatch: another certificate would be chosen for a receive connector's FQDN on this server. */
function warnIfNotBestMatch(
  tx: StateTransaction,
  server: ServerRecord,
  record: CertificateRecord,
  now: Date,
  warnings: string[],
): void {
  const byFqdn = new Map<string, { fqdn: string; names: string[] }>();
  for (const c of tx.getOrgConfig().connectors) {
    if (
      c.kind !== 'Receive' ||
      c.fqdn === null ||
      c.server === null ||
      c.server.toLowerCase() !== server.name.toLowerCase()
    )
      continue;
    const entry = byFqdn.get(c.fqdn.toLowerCase()) ?? { fqdn: c.fqdn, names: [] };
    entry.names.push(c.name);
    byFqdn.set(c.fqdn.toLowerCase(), entry);
  }
  for (const { fqdn, names } of byFqdn.values()) {
    const all = findAllForNames(tx, server.name, [fqdn], 'multi');
    if (!all.some((r) => sameThumbprint(r.thumbprint, record.thumbprint))) continue;
    const best = findBest(tx, server.name, all, now);
    if (!best || sameThumbprint(best.thumbprint, record.thumbprint)) continue;
    const id = certificateInfo(best.der).isSelfSigned
      ? 'WarnCertificateWillNotBeUsed'
      : 'WarnCertificateWillNotBeUsedBestIsPKI';
    warnings.push(approximated(id, best.thumbprint, fqdn, names.join(', ')));
  }
}

/**
 * UpdateActiveDirectory: makes the certificate the server's default SMTP (internal transport) certificate, or returns
 * the overwrite question (ERRORS.md §6.1) when a different one exists and confirmation is allowed.
 */
export function updateActiveDirectory(
  tx: StateTransaction,
  server: ServerRecord,
  record: CertificateRecord,
  allowConfirmation: boolean,
  warnings: string[],
): ServiceConfirmation | null {
  const current = tx.getServerConfig(server.name).transportCertificate;
  if (current !== null && sameThumbprint(current, record.thumbprint)) return null;
  const currentRecord =
    current === null
      ? undefined
      : tx
          .listServers()
          .flatMap((s) => tx.listCertificates(s.name))
          .find((r) => sameThumbprint(r.thumbprint, current));
  if (currentRecord && allowConfirmation) {
    const message = EXCHANGE_MESSAGES.overwriteSmtp(
      currentRecord.thumbprint,
      formatUsDateTime(certificateInfo(currentRecord.der).notAfter),
      record.thumbprint,
      formatUsDateTime(certificateInfo(record.der).notAfter),
    );
    return { service: ALLOWED_SERVICES.SMTP, id: 'ConfirmOverwriteInternalTransportCertificate', message };
  }
  updateServerConfig(tx, server.name, (c) => ({ ...c, transportCertificate: record.thumbprint }));
  if (!roleFlags(server).hubTransport && roleFlags(server).edge)
    warnings.push(approximated('InternalTransportCertificateUpdatedOnEdge'));
  return null;
}

/** SetPopImapCertificate: X509CertificateName := the first certificate domain, or the wildcard warning (rule 74). */
function setPopImap(
  tx: StateTransaction,
  server: ServerRecord,
  record: CertificateRecord,
  protocol: 'POP' | 'IMAP',
  warnings: string[],
): void {
  const roles = roleFlags(server);
  if (!roles.clientAccess && !roles.cafe) return;
  const first = certificateInfo(record.der).certificateDomains[0];
  if (first === undefined) return;
  if (first.startsWith('*') || !isValidDnsName(first)) {
    warnings.push(EXCHANGE_MESSAGES.wildcardPopImap(record.thumbprint, first, protocol));
    return;
  }
  updateServerConfig(tx, server.name, (c) =>
    protocol === 'POP' ? { ...c, pop3CertificateName: first } : { ...c, imap4CertificateName: first },
  );
}

/** SetUMCertificate / SetUMCallRouterCertificate (rule 77). */
function setUm(
  tx: StateTransaction,
  server: ServerRecord,
  record: CertificateRecord,
  callRouter: boolean,
  req: EnableRequest,
  now: Date,
  out: EnableOutcome,
): void {
  const roles = roleFlags(server);
  if (callRouter ? !roles.cafe : !roles.unifiedMessaging) {
    throw CmdletFailure.server(
      server.name,
      approximated(callRouter ? 'CafeRoleNotInstalled' : 'UMRoleNotInstalled', record.thumbprint, server.name),
      'NotSpecified',
    );
  }
  const config = tx.getServerConfig(server.name);
  if (config.umStartupMode === 'TCP') {
    throw CmdletFailure.server(
      server.name,
      approximated(callRouter ? 'CannotAssignCertificateToUMCR' : 'CannotAssignCertificateToUM', record.thumbprint),
      'NotSpecified',
    );
  }
  const info = certificateInfo(record.der);
  if (now > info.notAfter)
    throw CmdletFailure.server(server.name, approximated('CertificateExpired', record.thumbprint), 'NotSpecified');
  if (req.allowConfirmation) {
    const id = callRouter ? 'ConfirmEnableCertForUMCR' : 'ConfirmEnableCertForUM';
    out.confirmations.push({
      service: callRouter ? ALLOWED_SERVICES.UMCallRouter : ALLOWED_SERVICES.UM,
      id,
      message: approximated(id, record.thumbprint),
    });
    return;
  }
  const wasEmpty = (callRouter ? config.umCallRouterCertificate : config.umCertificate) === null;
  updateServerConfig(tx, server.name, (c) => {
    const roots =
      info.isSelfSigned && !c.trustedRoots.some((r) => sameThumbprint(r.thumbprint, record.thumbprint))
        ? [...c.trustedRoots, { thumbprint: record.thumbprint, der: record.der, source: 'Registry' as const }]
        : c.trustedRoots;
    return callRouter
      ? { ...c, trustedRoots: roots, umCallRouterCertificate: record.thumbprint }
      : { ...c, trustedRoots: roots, umCertificate: record.thumbprint };
  });
  if (wasEmpty)
    out.warnings.push(
      approximated(callRouter ? 'ExchangeCertificateUpdatedForUMCR' : 'ExchangeCertificateUpdatedForUM', server.name),
    );
}

/**
 * EnableForServices in the code's order: IIS, Network Service access, SMTP (warning + default SMTP certificate), POP,
 * IMAP, UM, UM Call Router. A failing step stops the rest but keeps what was done before it (as on a real server).
 */
export function enableForServices(
  tx: StateTransaction,
  server: ServerRecord,
  record: CertificateRecord,
  req: EnableRequest,
  now: Date,
): EnableOutcome {
  const out: EnableOutcome = { confirmations: [], warnings: [], failure: null };
  try {
    const s = req.services;
    if (has(s, 'IIS')) enableIis(tx, server, record.thumbprint, req, out);
    if (has(s, 'POP') || has(s, 'IMAP') || has(s, 'SMTP') || req.forceNetworkService)
      grantNetworkService(tx, server, record);
    if (has(s, 'SMTP')) {
      warnIfNotBestMatch(tx, server, record, now, out.warnings);
      const question = updateActiveDirectory(tx, server, record, req.allowConfirmation, out.warnings);
      if (question) out.confirmations.push(question);
    }
    if (has(s, 'POP')) setPopImap(tx, server, record, 'POP', out.warnings);
    if (has(s, 'IMAP')) setPopImap(tx, server, record, 'IMAP', out.warnings);
    if (has(s, 'UM')) setUm(tx, server, record, false, req, now, out);
    if (has(s, 'UMCallRouter')) setUm(tx, server, record, true, req, now, out);
  } catch (error) {
    if (!(error instanceof CmdletFailure)) throw error;
    return { ...out, failure: error };
  }
  return out;
}
