// Set-SendConnector / Set-ReceiveConnector: name, FQDN, state and the TLS certificate (checked against the servers).
import { approximated } from './approximated-messages.js';
import type { CallContext } from './call-context.js';
import { CmdletFailure } from './cmdlet-failure.js';
import { connectorIdentity, findConnector, sourceTransportServers } from './connector-view.js';
import type { ConnectorRecord, StateTransaction } from './org-state.js';
import { shouldProcess } from './prompts.js';
import { certificatesForTlsName, parseTlsCertificateName } from './tls-certificate-match.js';

function sameConnector(a: ConnectorRecord, b: ConnectorRecord): boolean {
  return a.kind === b.kind && a.name === b.name && a.server === b.server;
}

/** The servers that must hold a connector's TLS certificate: its own server (Receive) or the source transport servers (Send). */
function certificateServers(tx: StateTransaction, c: ConnectorRecord): string[] {
  if (c.kind === 'Receive') return c.server === null ? [] : [c.server];
  return sourceTransportServers(tx).map((s) => s.name);
}

/** -TlsCertificateName: `<I>issuer<S>subject` of a certificate every server of the connector holds ($null clears). */
function tlsCertificateName(ctx: CallContext, tx: StateTransaction, c: ConnectorRecord): string | null {
  const raw = ctx.params.string('tlsCertificateName');
  if (raw === undefined || raw.trim() === '') return null;
  if (!parseTlsCertificateName(raw))
    throw CmdletFailure.cmdlet(approximated('TlsCertificateNameFormat', raw), 'InvalidArgument');
  for (const server of certificateServers(tx, c)) {
    if (certificatesForTlsName(tx, server, raw).length === 0)
      throw CmdletFailure.cmdlet(
        approximated('TlsCertificateNotFound', raw, server),
        'InvalidArgument',
        'InvalidOperationException',
      );
  }
  return raw.trim();
}

/** The changed record (only the parameters given change). */
function changed(ctx: CallContext, tx: StateTransaction, c: ConnectorRecord): ConnectorRecord {
  const p = ctx.params;
  const text = (name: 'comment' | 'banner' | 'tlsDomain' | 'tlsAuthLevel') => {
    const v = p.string(name);
    return v === undefined || v === '' ? null : v;
  };
  return {
    ...c,
    ...(p.has('name') && p.string('name') ? { name: p.string('name')! } : {}),
    ...(p.has('fqdn') ? { fqdn: p.string('fqdn') || null } : {}),
    ...(p.has('enabled') ? { enabled: p.bool('enabled') ?? true } : {}),
    ...(p.has('requireTLS') ? { requireTls: p.bool('requireTLS') ?? false } : {}),
    ...(p.has('comment') ? { comment: text('comment') ?? '' } : {}),
    ...(p.has('banner') ? { banner: text('banner') } : {}),
    ...(p.has('tlsDomain') ? { tlsDomain: text('tlsDomain') } : {}),
    ...(p.has('tlsAuthLevel') ? { tlsAuthLevel: text('tlsAuthLevel') } : {}),
    ...(p.has('tlsCertificateName') ? { tlsCertificateName: tlsCertificateName(ctx, tx, c) } : {}),
  };
}

/** Set-SendConnector or Set-ReceiveConnector (by the cmdlet name): validate, ask, then write in one transaction. */
export function mockSetConnector(ctx: CallContext): void {
  const kind = ctx.call.cmdlet.toLowerCase() === 'set-sendconnector' ? 'Send' : 'Receive';
  ctx.env.store.write((tx) => {
    const c = findConnector(tx, kind, ctx.params.string('identity') ?? '');
    const next = changed(ctx, tx, c);
    const what = kind === 'Send' ? 'Send connector' : 'Receive connector';
    if (!shouldProcess(ctx, approximated('ConfirmSetObject', what, connectorIdentity(c)))) return;
    const org = tx.getOrgConfig();
    tx.putOrgConfig({ ...org, connectors: org.connectors.map((x) => (sameConnector(x, c) ? next : x)) });
  });
}
