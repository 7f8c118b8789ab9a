// Enable-ExchangeCertificate (rules 70-81, 106): assigns an installed certificate to services, additively.
import type { CallContext } from './call-context.js';
import { approximated } from './approximated-messages.js';
import { prepareCertificateTarget } from './cmdlet-runner.js';
import { enableCertificateRpc } from './enable-certificate-rpc.js';
import { findServer } from './server-lookup.js';
import { shouldProcess } from './prompts.js';
import { askServiceQuestions } from './service-questions.js';

/** Enable-ExchangeCertificate: no output; warnings, one error, or ShouldContinue questions (rule 12). */
export function enableExchangeCertificate(ctx: CallContext): void {
  const p = ctx.params;
  const { server, thumbprint } = ctx.env.store.read((tx) => prepareCertificateTarget(ctx, tx));
  const shown = thumbprint ?? '';
  if (!shouldProcess(ctx, approximated('ConfirmEnableExchangeCertificate', shown))) return;
  const base = { requireSsl: !p.flag('doNotRequireSsl'), forceNetworkService: p.flag('networkServiceAllowed') };
  const outcome = ctx.env.store.write((tx) => {
    const target = findServer(tx, server.name) ?? server;
    return enableCertificateRpc(tx, target, { thumbprint: shown, services: p.services('services') ?? 0, allowConfirmation: !p.flag('force'), ...base }, ctx.now(tx));
  });
  ctx.warnings.push(...outcome.warnings);
  if (outcome.failure) throw outcome.failure;
  askServiceQuestions(ctx, server.name, shown, outcome.confirmations, base);
}
