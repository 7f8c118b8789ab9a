// Enable-ExchangeCertificate (rules 70-81, 106): assigns an installed certificate to services, additively.
import type { CallContext } from './call-context.js';
import { approximated } from './approximated-messages.js';
import { prepareCertificateTarget } from './cmdlet-runner.js';
import { enableCertificateRpc } from './enable-certificate-rpc.js';
import { findServer } from './server-lookup.js';
import { shouldProcess } from './prompts.js';
import { applyConfirmedServices, askServiceQuestions } from './service-questions.js';
import { dryRun } from './dry-run.js';
import type { StateTransaction } from './org-state.js';

/** Enable-ExchangeCertificate: no output; warnings, one error, or ShouldContinue questions (rule 12). */
export function mockEnableExchangeCertificate(ctx: CallContext): void {
  const p = ctx.params;
  const { server, thumbprint } = ctx.env.store.read((tx) => prepareCertificateTarget(ctx, tx));
  const shown = thumbprint ?? '';
  if (!shouldProcess(ctx, approximated('ConfirmEnableExchangeCertificate', shown))) return;
  const base = { requireSsl: !p.flag('doNotRequireSsl'), forceNetworkService: p.flag('networkServiceAllowed') };
  const first = (tx: StateTransaction) => {
    const target = findServer(tx, server.name) ?? server;
    return enableCertificateRpc(
      tx,
      target,
      { thumbprint: shown, services: p.services('services') ?? 0, allowConfirmation: !p.flag('force'), ...base },
      ctx.now(tx),
    );
  };
  // The server's questions are asked before anything is written, so a call that fails or cannot be answered changes nothing.
  const preview = dryRun(ctx.env.store, first);
  if (preview.failure) {
    ctx.warnings.push(...preview.warnings);
    throw preview.failure;
  }
  const { confirmed, unanswered } = askServiceQuestions(ctx, preview.confirmations);
  const result = ctx.env.store.write((tx) => {
    const outcome = first(tx);
    if (outcome.failure) throw outcome.failure;
    const followUps = applyConfirmedServices(tx, server.name, shown, confirmed, base, ctx.now(tx));
    if (followUps.failure) throw followUps.failure;
    return [...outcome.warnings, ...followUps.warnings];
  });
  if (unanswered !== undefined) throw unanswered;
  ctx.warnings.push(...result);
}
