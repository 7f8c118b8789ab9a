// The questions the server handed back (SMTP overwrite, Require SSL, UM) asked with ShouldContinue, and the follow-up calls.
import { ALLOWED_SERVICES } from '../spec/ps-type.js';
import type { CallContext } from './call-context.js';
import { enableCertificateRpc } from './enable-certificate-rpc.js';
import type { ServiceConfirmation } from './enable-for-services.js';
import { ContinueSession } from './prompts.js';
import { AnswerPending } from './mock-exchange.js';
import { findServer } from './server-lookup.js';
import type { CmdletFailure } from './cmdlet-failure.js';
import type { StateTransaction } from './org-state.js';

/** The questions answered Yes, and the non-interactive error when nobody could answer one (asking stopped there). */
export interface ServiceAnswers {
  readonly confirmed: readonly ServiceConfirmation[];
  readonly unanswered: Error | undefined;
}

/**
 * Asks the questions the server handed back, in order, until one is left unanswered. The server's first call has
 * already done its work when the cmdlet asks (rule 46: Network Service access, the other services), so the caller
 * commits that work and then throws `unanswered`: nobody answering has the same side effects as No.
 */
export function askServiceQuestions(ctx: CallContext, confirmations: readonly ServiceConfirmation[]): ServiceAnswers {
  const session = new ContinueSession();
  const confirmed: ServiceConfirmation[] = [];
  for (const question of confirmations) {
    try {
      if (session.ask(ctx, question.id, question.message)) confirmed.push(question);
    } catch (error) {
      if (!(error instanceof Error) || error instanceof AnswerPending) throw error;
      return { confirmed: [], unanswered: error };
    }
  }
  return { confirmed, unanswered: undefined };
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
    const outcome = enableCertificateRpc(
      tx,
      server,
      {
        thumbprint,
        services: question.service,
        requireSsl: base.requireSsl,
        allowConfirmation: false,
        forceNetworkService: base.forceNetworkService,
        updateAdOnly: question.service === ALLOWED_SERVICES.SMTP,
      },
      now,
    );
    services |= question.service;
    warnings.push(...outcome.warnings);
    if (outcome.failure) return { services, warnings, failure: outcome.failure };
  }
  return { services, warnings, failure: undefined };
}
