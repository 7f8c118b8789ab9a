// The questions the server handed back (SMTP overwrite, Require SSL, UM) asked with ShouldContinue, and the follow-up calls.
import { ALLOWED_SERVICES } from '../../../spec/ps-type.js';
import type { CallContext } from './call-context.js';
import { enableCertificateRpc } from './enable-certificate-rpc.js';
import type { ServiceConfirmation } from './enable-for-services.js';
import { ContinueSession } from './prompts.js';
import { findServer } from './server-lookup.js';

/**
 * Asks each question in order; for every Yes, runs the server's EnableCertificate again for that one service without
 * asking (SMTP: only the default SMTP certificate update). Returns the services confirmed. A failing follow-up throws
 * its CmdletFailure (after committing what it changed before failing).
 */
export function askServiceQuestions(
  ctx: CallContext,
  serverName: string,
  thumbprint: string,
  confirmations: readonly ServiceConfirmation[],
  base: { readonly requireSsl: boolean; readonly forceNetworkService: boolean },
): number {
  const session = new ContinueSession();
  let confirmed = 0;
  for (const question of confirmations) {
    if (!session.ask(ctx, question.id, question.message)) continue;
    const outcome = ctx.env.store.write((tx) => {
      const server = findServer(tx, serverName);
      if (!server) return null;
      return enableCertificateRpc(tx, server, {
        thumbprint,
        services: question.service,
        requireSsl: base.requireSsl,
        allowConfirmation: false,
        forceNetworkService: base.forceNetworkService,
        updateAdOnly: question.service === ALLOWED_SERVICES.SMTP,
      }, ctx.now(tx));
    });
    confirmed |= question.service;
    if (outcome === null) continue;
    ctx.warnings.push(...outcome.warnings);
    if (outcome.failure) throw outcome.failure;
  }
  return confirmed;
}
