// Get-ExchangeServer: the organization's servers with their build, roles and edition.
import { EXCHANGE_OBJECT_TYPES } from '../spec/output/exchange-object-views.js';
import { adminDisplayVersion } from './admin-display-version.js';
import type { CallContext } from './call-context.js';
import { exchangeObject } from './exchange-object.js';
import type { ServerRecord } from './org-state.js';
import { findServer, objectNotFound } from './server-lookup.js';
import { roleFlags } from './server-roles.js';

/** ServerRole as Exchange shows it: `Mailbox, ClientAccess` on 2013, `Mailbox` on 2016+, `Mailbox, ClientAccess, HubTransport` on 2010. */
function serverRole(server: ServerRecord): string {
  const flags = roleFlags(server);
  if (flags.edge) return 'Edge';
  const order = ['Mailbox', 'ClientAccess', 'UnifiedMessaging', 'HubTransport'];
  const has = (r: string) => server.roles.some((x) => x.toLowerCase() === r.toLowerCase());
  return order.filter(has).join(', ');
}

/** The domain part of an FQDN. */
function domainOf(fqdn: string): string {
  const dot = fqdn.indexOf('.');
  return dot < 0 ? '' : fqdn.slice(dot + 1);
}

/** One server as Get-ExchangeServer writes it. */
export function exchangeServerView(server: ServerRecord): Record<string, unknown> {
  const domain = domainOf(server.fqdn);
  return exchangeObject(EXCHANGE_OBJECT_TYPES.exchangeServer, server.name, {
    Name: server.name,
    Fqdn: server.fqdn,
    Domain: domain,
    Site: `${domain}/Configuration/Sites/Default-First-Site-Name`,
    ServerRole: serverRole(server),
    Edition: 'Standard',
    AdminDisplayVersion: adminDisplayVersion(server),
    IsMemberOfCluster: 'No',
    IsEdgeServer: roleFlags(server).edge,
    IsClientAccessServer: roleFlags(server).clientAccess || roleFlags(server).cafe,
    IsMailboxServer: roleFlags(server).mailbox,
    Identity: server.name,
  });
}

/** Get-ExchangeServer [-Identity] | -Domain: all servers (in creation order), one, or those of a domain. */
export function mockGetExchangeServer(ctx: CallContext): void {
  const servers = ctx.env.store.read((tx) => {
    const identity = ctx.params.string('identity');
    if (identity !== undefined && identity !== '') {
      const one = findServer(tx, identity);
      if (!one) throw objectNotFound(tx, identity);
      return [one];
    }
    const domain = ctx.params.string('domain');
    const all = tx.listServers();
    if (domain === undefined) return all;
    return all.filter((s) => domainOf(s.fqdn).toLowerCase() === domain.trim().toLowerCase());
  });
  ctx.output.push(...servers.map(exchangeServerView));
}
