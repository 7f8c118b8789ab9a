// Set-AuthConfig: the Auth certificate rollover (next -> current -> previous) Microsoft documents, on the organization.
import { approximated } from './approximated-messages.js';
import { formatUsDateTime } from './dotnet-date.js';
import type { CallContext } from './call-context.js';
import { CmdletFailure } from './cmdlet-failure.js';
import { prepareServerTarget } from './cmdlet-runner.js';
import { findInstalled } from './enable-certificate-rpc.js';
import type { AuthConfigRecord, CertificateRecord, StateTransaction } from './org-state.js';
import { authConfigOf } from './org-state.js';
import { ContinueSession, shouldProcess } from './prompts.js';
import { roleFlags } from './server-roles.js';
import { unifyThumbprint } from './thumbprint-format.js';

const HOUR_MS = 3_600_000;

/** The certificate a thumbprint names on the target server (-Server, else the connected one), else the documented refusal. */
function installedOnTarget(ctx: CallContext, tx: StateTransaction, thumbprint: string): CertificateRecord {
  const server = prepareServerTarget(ctx, tx);
  const record = findInstalled(tx, server.name, thumbprint);
  if (!record)
    throw CmdletFailure.cmdlet(
      approximated('AuthCertificateNotFound', thumbprint, server.name),
      'ObjectNotFound',
      'InvalidOperationException',
    );
  return record;
}

/** The certificate servicelet's copy of the Auth certificate to every 2013+ server that lacks it (MS-OAUTH). */
function deployToServers(tx: StateTransaction, record: CertificateRecord, now: Date): void {
  for (const server of tx.listServers()) {
    if (server.major === '2010' || roleFlags(server).edge) continue;
    if (findInstalled(tx, server.name, record.thumbprint)) continue;
    tx.putCertificate({ ...record, server: server.name, createdAt: now.toISOString() });
  }
}

function save(tx: StateTransaction, auth: AuthConfigRecord): void {
  tx.putOrgConfig({
    ...tx.getOrgConfig(),
    authConfig: auth,
    authCertificateThumbprint: auth.currentCertificateThumbprint,
  });
}

/** -NewCertificateThumbprint [-NewCertificateEffectiveDate]: the next certificate (asks when the date is under 48 hours away). */
function setNext(
  ctx: CallContext,
  tx: StateTransaction,
  auth: AuthConfigRecord,
  action: string,
): AuthConfigRecord | null {
  const p = ctx.params;
  const now = ctx.now(tx);
  const given = p.string('newCertificateThumbprint');
  const record = given === undefined || given === '' ? undefined : installedOnTarget(ctx, tx, unifyThumbprint(given));
  const date = p.raw('newCertificateEffectiveDate');
  const effective = date instanceof Date ? date : null;
  if (!record && auth.nextCertificateThumbprint === null)
    throw CmdletFailure.cmdlet(approximated('AuthNoNewCertificate'), 'InvalidArgument');
  if (!shouldProcess(ctx, action)) return null;
  if (effective !== null && effective.getTime() - now.getTime() < 48 * HOUR_MS && !p.flag('force')) {
    const text = approximated('AuthEffectiveDateTooSoon', formatUsDateTime(effective));
    if (!new ContinueSession().ask(ctx, 'ConfirmAuthEffectiveDate', text)) return null;
  }
  if (record && !p.flag('skipImmediateCertificateDeployment')) deployToServers(tx, record, now);
  return {
    ...auth,
    nextCertificateThumbprint: record ? record.thumbprint : auth.nextCertificateThumbprint,
    nextCertificateEffectiveDate: effective ? effective.toISOString() : auth.nextCertificateEffectiveDate,
  };
}

/** -PublishCertificate (next becomes current, current previous) and/or -ClearPreviousCertificate. */
function publish(
  ctx: CallContext,
  tx: StateTransaction,
  auth: AuthConfigRecord,
  action: string,
): AuthConfigRecord | null {
  const publishing = ctx.params.flag('publishCertificate');
  if (publishing && auth.nextCertificateThumbprint === null)
    throw CmdletFailure.cmdlet(approximated('AuthNoNextCertificate'), 'InvalidOperation', 'InvalidOperationException');
  if (!shouldProcess(ctx, action)) return null;
  let next = auth;
  if (publishing) {
    const source = tx
      .listServers()
      .map((s) => findInstalled(tx, s.name, auth.nextCertificateThumbprint!))
      .find((r) => r !== undefined);
    if (source) deployToServers(tx, source, ctx.now(tx));
    next = {
      ...next,
      previousCertificateThumbprint: auth.currentCertificateThumbprint,
      currentCertificateThumbprint: auth.nextCertificateThumbprint,
      nextCertificateThumbprint: null,
      nextCertificateEffectiveDate: null,
    };
  }
  if (ctx.params.flag('clearPreviousCertificate')) next = { ...next, previousCertificateThumbprint: null };
  return next;
}

/** The parameter set the binder chose, from the parameters only one set has (a call without one is AuthConfigSettings). */
function parameterSetOf(ctx: CallContext): string {
  const p = ctx.params;
  if (p.has('newCertificateThumbprint') || p.has('newCertificateEffectiveDate')) return 'NewCertificateParameter';
  if (p.has('publishCertificate') || p.has('clearPreviousCertificate')) return 'PublishAuthCertificateParameter';
  if (p.has('certificateThumbprint')) return 'CurrentCertificateParameter';
  return 'AuthConfigSettings';
}

/** Set-AuthConfig: one change per parameter set, in one transaction; a refusal changes nothing. */
export function mockSetAuthConfig(ctx: CallContext): void {
  const action = approximated('ConfirmSetObject', 'Auth Configuration', 'Auth Configuration');
  ctx.env.store.write((tx) => {
    const auth = authConfigOf(tx.getOrgConfig());
    const p = ctx.params;
    let changed: AuthConfigRecord | null;
    switch (parameterSetOf(ctx)) {
      case 'NewCertificateParameter':
        changed = setNext(ctx, tx, auth, action);
        break;
      case 'PublishAuthCertificateParameter':
        changed = publish(ctx, tx, auth, action);
        break;
      case 'CurrentCertificateParameter': {
        const record = installedOnTarget(ctx, tx, unifyThumbprint(p.string('certificateThumbprint') ?? ''));
        if (!shouldProcess(ctx, action)) return;
        if (!p.flag('skipImmediateCertificateDeployment')) deployToServers(tx, record, ctx.now(tx));
        changed = { ...auth, currentCertificateThumbprint: record.thumbprint };
        break;
      }
      default:
        if (!shouldProcess(ctx, action)) return;
        changed = {
          ...auth,
          ...(p.has('realm') ? { realm: p.string('realm') ?? '' } : {}),
          ...(p.has('serviceName') ? { serviceName: p.string('serviceName') ?? '' } : {}),
        };
    }
    if (changed) save(tx, changed);
  });
}
