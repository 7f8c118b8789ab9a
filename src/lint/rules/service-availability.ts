import type { LintRule } from '../lint-context.js';
import { at } from '../lint-context.js';

/** Services the target cannot use (UM on 2019/SE) or that the docs say not to enable with these cmdlets. */
export const serviceAvailability: LintRule = {
  name: 'service',
  check(ctx) {
    const out = [];
    for (const inv of ctx.invocations) {
      const services = inv.parameters.services;
      if (!Array.isArray(services)) continue;
      if (services.includes('Federation')) {
        out.push(at(ctx, inv, 'federation-service', 'warning', 'Federation certificates are managed with New-/Set-FederationTrust, not with -Services Federation'));
      }
      const major = ctx.exchange?.major;
      if ((major === '2019' || major === 'SE') && (services.includes('UM') || services.includes('UMCallRouter'))) {
        out.push(at(ctx, inv, 'um-service', 'error', `Exchange ${ctx.exchange!.label} has no Unified Messaging: -Services UM/UMCallRouter cannot be enabled there`));
      }
    }
    return out;
  },
};
