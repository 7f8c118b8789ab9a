import type { LintRule } from '../lint-context.js';
import { at } from '../lint-context.js';
import { serviceUsable } from '../../spec/exchange-services.js';

/** Services the target cannot use (UM on 2019/SE) or that the docs say not to enable with these cmdlets. */
export const serviceAvailability: LintRule = {
  name: 'service',
  check(ctx) {
    const out = [];
    for (const inv of ctx.invocations) {
      const services = inv.parameters.services;
      if (!Array.isArray(services)) continue;
      if (services.includes('Federation')) {
        out.push(
          at(
            ctx,
            inv,
            'federation-service',
            'warning',
            'Federation certificates are managed with New-/Set-FederationTrust, not with -Services Federation',
          ),
        );
      }
      const target = ctx.exchange;
      const umGone = target !== undefined && !serviceUsable(target.major, 'UM');
      if (umGone && (services.includes('UM') || services.includes('UMCallRouter'))) {
        out.push(
          at(
            ctx,
            inv,
            'um-service',
            'error',
            `Exchange ${target.label} has no Unified Messaging: -Services UM/UMCallRouter cannot be enabled there`,
          ),
        );
      }
    }
    return out;
  },
};
