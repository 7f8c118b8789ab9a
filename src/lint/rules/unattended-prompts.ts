import type { LintRule } from '../lint-context.js';
import { at } from '../lint-context.js';

/** Commands that stop to ask a question, which an unattended script cannot answer. */
export const unattendedPrompts: LintRule = {
  name: 'unattended-prompt',
  check(ctx) {
    if (!ctx.unattended) return [];
    const out = [];
    for (const inv of ctx.invocations) {
      const p = inv.parameters;
      const services = Array.isArray(p.services) ? (p.services as readonly unknown[]) : [];
      const smtp =
        inv.cmdlet === 'Enable-ExchangeCertificate'
          ? services.includes('SMTP')
          : inv.cmdlet === 'New-ExchangeCertificate' && inv.parameterSet === 'Certificate'
            ? p.services === undefined || services.includes('SMTP')
            : false;
      if (smtp && p.force !== true) {
        out.push(
          at(
            ctx,
            inv,
            'smtp-without-force',
            'warning',
            `${inv.cmdlet} for SMTP asks "Overwrite the existing default SMTP certificate?" and -Confirm:$false does not answer it; an unattended script stops there`,
            'add -Force to replace the default SMTP certificate without asking',
          ),
        );
      }
      const iis = inv.cmdlet === 'Enable-ExchangeCertificate' && services.includes('IIS');
      if (iis && p.force !== true && p.doNotRequireSsl !== true) {
        out.push(
          at(
            ctx,
            inv,
            'iis-require-ssl-prompt',
            'info',
            `${inv.cmdlet} -Services IIS may ask before turning on Require SSL for the Default Web Site`,
            'add -Force (or -DoNotRequireSsl) in unattended scripts',
          ),
        );
      }
      if (inv.cmdlet === 'Remove-ExchangeCertificate' && p.confirm !== false) {
        out.push(
          at(
            ctx,
            inv,
            'remove-confirm',
            'warning',
            'Remove-ExchangeCertificate asks for confirmation by default; an unattended script stops there',
            'add -Confirm:$false',
          ),
        );
      }
    }
    return out;
  },
};
