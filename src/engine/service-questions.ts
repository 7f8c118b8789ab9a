// The questions the server handed back (SMTP overwrite, Require SSL, UM) asked with ShouldContinue, and the follow-up calls.
import { ALLOWED_SERVICES } from '../spec/ps-type.js';
import type { CallContext } from './call-context.js';
import { enableCertificateRpc } from './enable-certificate-rpc.js';
import type { ServiceConfirmation } from './enable-for-services.js';
import { ContinueSession } from './prompts.js';
import { findServer } from './server-lookup.js';
import type { CmdletFailure } from './cmdlet-failure.js';
import type { StateTransaction } from './org-state.js';

/**
 * Asks every question the server handed back, in order, before anything is written (a failed call changes nothing):
 * returns the questions answered Yes. Throws the non-interactive terminating error when nobody can answer.
 */
export function askServiceQuestions(ctx: CallContext, confirmations: readonly ServiceConfirmation[]): readonly ServiceConfirmation[] {
  const session = new ContinueSession();
  return confirmations.filter((question) => session.ask(ctx, question.id, question.message));
}

/**
 * Runs the server's EnableCertificate again, inside the caller's transaction, for each service answered Yes (SMTP: only
 * the default SMTP certificate update). Returns the services applied, the warnings, and the first failure.
 */
export function applyConfirmedServices(
  tx: StateTransaction,
  serverName: string,
  thumbprint: string,
  confirmed: readonly ServiceConfirmation[],
  base: { readonly requireSsl: boolean; readonly forceNetworkService: boolean },
  now: Date,
): { readonly services: number; readonly warnings: readonly string[]; readonly failure: CmdletFailure | undefined } {
  let services = 0;
  const warnings: string[] = [];
  const server = findServer(tx, serverName);
  if (!server) return { services, warnings, failure: undefined };
  for (const question of confirmed) {
    const outcome = enableCertificateRpc(tx, server, {
      thumbprint,
      services: question.service,
      requireSsl: base.requireSsl,
      allowConfirmation: false,
      forceNetworkService: base.forceNetworkService,
      updateAdOnly: question.service === ALLOWED_SERVICES.SMTP,
    }, now);
    services |= question.service;
    warnings.push(...outcome.warnings);
    if (outcome.failure) return { services, warnings, failure: outcome.failure };
  }
  return { services, warnings, failure: undefined };
}
