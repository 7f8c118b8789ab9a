// Get-ReceiveConnector: every Receive connector, those of one server (-Server), or the one an Identity names.
import type { CallContext } from './call-context.js';
import { findConnector, receiveConnectorView } from './connector-view.js';
import { resolveTargetServer } from './server-lookup.js';

/** Get-ReceiveConnector [-Identity] | -Server. */
export function mockGetReceiveConnector(ctx: CallContext): void {
  const objects = ctx.env.store.read((tx) => {
    const identity = ctx.params.string('identity');
    if (identity !== undefined && identity !== '')
      return [receiveConnectorView(tx, findConnector(tx, 'Receive', identity))];
    const all = tx.getOrgConfig().connectors.filter((c) => c.kind === 'Receive');
    const serverId = ctx.params.string('server');
    if (serverId === undefined) return all.map((c) => receiveConnectorView(tx, c));
    const server = resolveTargetServer(tx, {
      server: serverId,
      identity: undefined,
      connected: ctx.call.connectedServer,
    });
    return all
      .filter((c) => c.server?.toLowerCase() === server.name.toLowerCase())
      .map((c) => receiveConnectorView(tx, c));
  });
  ctx.output.push(...objects);
}
