// Remove-ExchangeCertificate (rules 90-95, 107, 112): deletes a certificate or pending request unless it is in use.
import type { CallContext } from './call-context.js';
import { approximated } from './approximated-messages.js';
import { certificateInfo } from './certificate-cache.js';
import { CmdletFailure } from './cmdlet-failure.js';
import { prepareCertificateTarget } from './cmdlet-runner.js';
import { findInstalled } from './enable-certificate-rpc.js';
import { EXCHANGE_MESSAGES } from './exchange-messages.js';
import type { CertificateRecord, ServerRecord, StateTransaction } from './org-state.js';
import { shouldProcess } from './prompts.js';
import { updateServerConfig } from './server-config.js';
import { roleFlags } from './server-roles.js';
import { sameThumbprint } from './thumbprint-format.js';
import { ensureValidExchangeCertificate } from './validity-check.js';

/** `<I>issuer<S>subject` of a connector's TlsCertificateName. */
function parseTlsCertificateName(value: string): { issuer: string; subject: string } | undefined {
  const m = /^<I>([\s\S]*)<S>([\s\S]*)$/.exec(value);
  return m ? { issuer: m[1]!, subject: m[2]! } : undefined;
}

/** The refusals of rule 92 for an installed certificate, in the server's order. */
function checkInUse(tx: StateTransaction, server: ServerRecord, record: CertificateRecord, thumbprint: string): void {
  const roles = roleFlags(server);
  const config = tx.getServerConfig(server.name);
  const refuse = (id: string): CmdletFailure => CmdletFailure.server(server.name, approximated(id), 'InvalidArgument');
  if ((roles.hubTransport || roles.edge) && sameThumbprint(config.transportCertificate, thumbprint))
    throw refuse('CannotRemoveInternalTransportCertificate');
  if (roles.unifiedMessaging && sameThumbprint(config.umCertificate, thumbprint))
    throw refuse('CannotRemoveUMCertificate');
  if (roles.cafe && sameThumbprint(config.umCallRouterCertificate, thumbprint))
    throw refuse('CannotRemoveUMCRCertificate');
  if (
    (roles.clientAccess || roles.hubTransport || roles.mailbox) &&
    tx.getOrgConfig().federationCertificates.some((t) => sameThumbprint(t, thumbprint))
  ) {
    throw refuse('RemoveCertificateFederation');
  }
  const info = certificateInfo(record.der);
  const connectors = tx.getOrgConfig().connectors.filter((c) => {
    if (c.kind !== 'Send' || c.tlsCertificateName === null) return false;
    const name = parseTlsCertificateName(c.tlsCertificateName);
    return name !== undefined && name.issuer === info.issuer && name.subject === info.subject;
  });
  if (connectors.length > 0) {
    throw CmdletFailure.server(
      server.name,
      EXCHANGE_MESSAGES.sendConnectorCertificate(connectors.map((c) => c.name).join(', ')),
      'InvalidArgument',
    );
  }
}

/** Remove-ExchangeCertificate: asks first (ConfirmImpact High), then deletes; no output. */
export function mockRemoveExchangeCertificate(ctx: CallContext): void {
  const { server, thumbprint } = ctx.env.store.read((tx) => prepareCertificateTarget(ctx, tx));
  const shown = thumbprint ?? '';
  if (!shouldProcess(ctx, approximated('ConfirmRemoveExchangeCertificate', shown), 'High')) return;
  ctx.env.store.write((tx) => {
    const installed = findInstalled(tx, server.name, shown);
    if (installed) {
      ensureValidExchangeCertificate(server.name, certificateInfo(installed.der), installed.privateKey !== null);
      checkInUse(tx, server, installed, shown);
      tx.deleteCertificate(server.name, installed.thumbprint);
      updateServerConfig(tx, server.name, (c) => ({
        ...c,
        networkServiceAcl: c.networkServiceAcl.filter((t) => !sameThumbprint(t, installed.thumbprint)),
      }));
      return;
    }
    const request = tx.listRequests(server.name).find((r) => sameThumbprint(r.thumbprint, shown));
    if (!request)
      throw CmdletFailure.server(server.name, EXCHANGE_MESSAGES.certificateNotFound(shown), 'ObjectNotFound');
    tx.deleteRequest(server.name, request.thumbprint);
  });
}
