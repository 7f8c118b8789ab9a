// The server side of Enable-ExchangeCertificate (ExchangeCertificateServer.EnableCertificate), also used for the
// follow-up calls New- and Enable-ExchangeCertificate make after a confirmed question.
import { serviceUsable } from '../spec/exchange-services.js';
import { ALLOWED_SERVICES } from '../spec/ps-type.js';
import { approximated } from './approximated-messages.js';
import { certificateInfo } from './certificate-cache.js';
import { CmdletFailure } from './cmdlet-failure.js';
import type { EnableOutcome, EnableRequest } from './enable-for-services.js';
import { enableForServices, updateActiveDirectory } from './enable-for-services.js';
import { EXCHANGE_MESSAGES } from './exchange-messages.js';
import type { CertificateRecord, ServerRecord, StateTransaction } from './org-state.js';
import { roleFlags } from './server-roles.js';
import { sameThumbprint } from './thumbprint-format.js';
import { ensureValidExchangeCertificate } from './validity-check.js';

/** One EnableCertificate RPC. */
export interface EnableRpcRequest extends EnableRequest {
  readonly thumbprint: string;
  /** The SMTP follow-up after "Yes": only replace the default SMTP certificate (EnableUpdateAD). */
  readonly updateAdOnly?: boolean;
}

/** The certificate with this thumbprint in the server's Personal store (case-insensitive), if any. */
export function findInstalled(tx: StateTransaction, server: string, thumbprint: string): CertificateRecord | undefined {
  // The store looks thumbprints up trimmed and upper-cased: for one without surrounding spaces that is sameThumbprint.
  if (thumbprint !== '' && thumbprint === thumbprint.trim()) return tx.getCertificate(server, thumbprint);
  return tx.listCertificates(server).find((r) => sameThumbprint(r.thumbprint, thumbprint));
}

/** The role checks that come before anything else (rule 79, 78; ERRORS.md §9), in the code's order. */
function checkRoles(server: ServerRecord, services: number): void {
  const roles = roleFlags(server);
  const has = (s: keyof typeof ALLOWED_SERVICES): boolean => (services & ALLOWED_SERVICES[s]) !== 0;
  const notInstalled = (): CmdletFailure =>
    CmdletFailure.server(server.name, approximated('EnableCertificateServiceNotInstalled'), 'InvalidArgument');
  if (has('SMTP') && !roles.hubTransport && !roles.edge && !roles.cafe) throw notInstalled();
  if ((has('IMAP') || has('POP')) && !roles.clientAccess && !roles.cafe) throw notInstalled();
  if (has('Federation'))
    throw CmdletFailure.server(server.name, approximated('EnableCertificateFederation'), 'InvalidArgument');
  if (has('UM') && !roles.unifiedMessaging) throw notInstalled();
  if (has('UMCallRouter') && (!roles.cafe || !serviceUsable(server.major, 'UMCallRouter'))) throw notInstalled();
}

/**
 * EnableCertificate: role checks, lookup in the Personal store (a pending request is "not found", rule 71), the validity
 * check unless -NetworkServiceAllowed, then the per-service work. Errors before the work throw (nothing changed); a
 * failing service step is returned in the outcome with the earlier steps kept.
 */
export function enableCertificateRpc(
  tx: StateTransaction,
  server: ServerRecord,
  req: EnableRpcRequest,
  now: Date,
): EnableOutcome {
  checkRoles(server, req.services);
  const record = findInstalled(tx, server.name, req.thumbprint);
  if (!record)
    throw CmdletFailure.server(server.name, EXCHANGE_MESSAGES.certificateNotFound(req.thumbprint), 'ObjectNotFound');
  if (!req.forceNetworkService)
    ensureValidExchangeCertificate(server.name, certificateInfo(record.der), record.privateKey !== null);
  if (req.updateAdOnly) {
    const warnings: string[] = [];
    updateActiveDirectory(tx, server, record, false, warnings);
    return { confirmations: [], warnings, failure: null };
  }
  return enableForServices(tx, server, record, req, now);
}
