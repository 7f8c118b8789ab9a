import {
  isCertificateIdentity,
  isDnsName,
  isSmtpX509Identifier,
  isThumbprint,
  x500Problem,
} from '../../cmdlet/value-formats.js';
import { findCmdlet } from '../../spec/registry.js';
import type { LintRule } from '../lint-context.js';
import { at } from '../lint-context.js';

/** Literal values Exchange will refuse: thumbprints, identities, DNS names, subjects, key sizes, friendly names. */
export const valueFormats: LintRule = {
  name: 'value-format',
  check(ctx) {
    const out = [];
    for (const inv of ctx.invocations) {
      const spec = findCmdlet(inv.cmdlet);
      if (!spec || spec.kind !== 'exchange') continue;
      for (const p of spec.parameters) {
        const v = inv.parameters[p.option];
        if (v === undefined) continue;
        const bad = (message: string, suggestion?: string) =>
          out.push(
            at(
              ctx,
              inv,
              p.format === 'thumbprint' ? 'thumbprint' : 'value-format',
              'error',
              `${inv.cmdlet} -${p.name}: ${message}`,
              suggestion,
            ),
          );
        if (typeof v === 'string' && p.format === 'thumbprint' && !isThumbprint(v))
          bad(`'${v}' is not a thumbprint of 40 hexadecimal digits`);
        if (typeof v === 'string' && p.type === 'ExchangeCertificateIdParameter' && !isCertificateIdentity(v))
          bad(`'${v}' is not Server\\Thumbprint or a 40-hex-digit thumbprint`);
        if (typeof v === 'string' && p.type === 'X500DistinguishedName') {
          const problem = x500Problem(v);
          if (problem) bad(`'${v}' is not a usable subject: ${problem}`);
        }
        if (typeof v === 'string' && p.type === 'SmtpX509Identifier' && !isSmtpX509Identifier(v))
          bad(
            `'${v}' is not '<I>issuer<S>subject'`,
            'build it from the certificate: "<I>$($cert.Issuer)<S>$($cert.Subject)"',
          );
        if (Array.isArray(v) && p.format === 'dnsName') {
          for (const n of v)
            if (typeof n === 'string' && !isDnsName(n)) bad(`'${n}' is not a DNS host name or wildcard name`);
        }
        if (typeof v === 'number' && p.accepted && !p.accepted.includes(v))
          bad(`${v} is not allowed (allowed: ${p.accepted.join(', ')})`);
        if (typeof v === 'string' && p.serverLimits?.maxLength !== undefined && v.length > p.serverLimits.maxLength) {
          out.push(
            at(
              ctx,
              inv,
              'server-limit',
              'error',
              `${inv.cmdlet} -${p.name} is ${v.length} characters; Exchange refuses ${p.serverLimits.maxLength + 1} or more`,
              `shorten it to at most ${p.serverLimits.maxLength} characters`,
            ),
          );
        }
      }
    }
    return out;
  },
};
