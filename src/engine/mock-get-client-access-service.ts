// Get-ClientAccessService: the client access services of the servers that run them (2013 CAS, 2016+ Mailbox).
import { EXCHANGE_OBJECT_TYPES } from '../spec/output/exchange-object-views.js';
import type { CallContext } from './call-context.js';
import { exchangeObject } from './exchange-object.js';
import type { ServerRecord } from './org-state.js';
import { findServer, objectNotFound } from './server-lookup.js';
import { roleFlags } from './server-roles.js';

function runsClientAccess(server: ServerRecord): boolean {
  const flags = roleFlags(server);
  return (
    !flags.edge && (flags.clientAccessRole || (server.major !== '2010' && server.major !== '2013' && flags.mailbox))
  );
}

/** One server's client access service (AutoDiscoverServiceInternalUri as setup sets it: the server FQDN). */
export function clientAccessServiceView(server: ServerRecord): Record<string, unknown> {
  return exchangeObject(EXCHANGE_OBJECT_TYPES.clientAccessService, server.name, {
    Name: server.name,
    Fqdn: server.fqdn,
    AutoDiscoverServiceInternalUri: `https://${server.fqdn}/Autodiscover/Autodiscover.xml`,
    AutoDiscoverServiceCN: server.name,
    AutoDiscoverSiteScope: ['Default-First-Site-Name'],
    Identity: server.name,
  });
}

/** Get-ClientAccessService [-Identity]. */
export function mockGetClientAccessService(ctx: CallContext): void {
  const servers = ctx.env.store.read((tx) => {
    const identity = ctx.params.string('identity');
    if (identity === undefined || identity === '') return tx.listServers().filter(runsClientAccess);
    const one = findServer(tx, identity);
    if (!one || !runsClientAccess(one)) throw objectNotFound(tx, identity);
    return [one];
  });
  ctx.output.push(...servers.map(clientAccessServiceView));
}
