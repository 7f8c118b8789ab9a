// Rewrite (only when asked for an unattended run): -Force on an SMTP/IIS Enable (or a self-signed New with SMTP) and
// -Confirm:$false on a Remove, so that no prompt stops the script.
import type { LintFix } from '../fix-context.js';
import { commandEnd, renderParameters } from '../fix-render.js';
import type { TextEdit } from '../text-edit.js';

/** The prompt-answering switch an unattended run needs on this command, if any. */
function needed(
  cmdlet: string,
  set: string | null,
  p: Readonly<Record<string, unknown>>,
): Record<string, boolean> | null {
  const services = Array.isArray(p.services) ? (p.services as readonly unknown[]) : [];
  if (cmdlet === 'Enable-ExchangeCertificate' && (services.includes('SMTP') || services.includes('IIS')))
    return p.force === undefined && p.doNotRequireSsl === undefined ? { force: true } : null;
  if (
    cmdlet === 'New-ExchangeCertificate' &&
    set === 'Certificate' &&
    (p.services === undefined || services.includes('SMTP'))
  )
    return p.force === undefined ? { force: true } : null;
  if (cmdlet === 'Remove-ExchangeCertificate') return p.confirm === undefined ? { confirm: false } : null;
  return null;
}

/** `-Force` / `-Confirm:$false` appended to the commands an unattended run would stop at. */
export const unattendedSwitches: LintFix = {
  rule: 'unattended-prompt',
  fix(ctx) {
    const groups: TextEdit[][] = [];
    if (!ctx.unattended) return groups;
    for (const site of ctx.sites) {
      const inv = site.invocation;
      const add = needed(inv.cmdlet, inv.parameterSet, inv.parameters);
      if (!add) continue;
      const services = Array.isArray(inv.parameters.services) ? (inv.parameters.services as unknown[]) : [];
      const iisOnly = inv.cmdlet === 'Enable-ExchangeCertificate' && !services.includes('SMTP');
      const rule = 'confirm' in add ? 'remove-confirm' : iisOnly ? 'iis-require-ssl-prompt' : 'smtp-without-force';
      const at = commandEnd(site.command);
      groups.push([{ start: at, end: at, newText: renderParameters(ctx, inv.cmdlet, inv.parameterSet, add), rule }]);
    }
    return groups;
  },
};
