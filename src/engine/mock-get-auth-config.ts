// Get-AuthConfig: the organization's Auth configuration (current, previous and next Auth certificates).
import { EXCHANGE_OBJECT_TYPES } from '../spec/output/exchange-object-views.js';
import type { CallContext } from './call-context.js';
import { exchangeObject } from './exchange-object.js';
import type { AuthConfigRecord } from './org-state.js';
import { authConfigOf } from './org-state.js';

/** The Auth configuration as Get-AuthConfig writes it (empty thumbprints as $null, the effective date as a DateTime). */
export function authConfigView(auth: AuthConfigRecord): Record<string, unknown> {
  return exchangeObject(EXCHANGE_OBJECT_TYPES.authConfig, 'Auth Configuration', {
    CurrentCertificateThumbprint: auth.currentCertificateThumbprint,
    PreviousCertificateThumbprint: auth.previousCertificateThumbprint,
    NextCertificateThumbprint: auth.nextCertificateThumbprint,
    NextCertificateEffectiveDate:
      auth.nextCertificateEffectiveDate === null ? null : new Date(auth.nextCertificateEffectiveDate),
    ServiceName: auth.serviceName,
    Realm: auth.realm === '' ? null : auth.realm,
    Name: 'Auth Configuration',
    Identity: 'Auth Configuration',
  });
}

/** Get-AuthConfig: one object. */
export function mockGetAuthConfig(ctx: CallContext): void {
  const auth = ctx.env.store.read((tx) => authConfigOf(tx.getOrgConfig()));
  ctx.output.push(authConfigView(auth));
}
