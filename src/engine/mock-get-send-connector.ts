// Get-SendConnector: the organization's Send connectors, or the one an Identity names.
import type { CallContext } from './call-context.js';
import { findConnector, sendConnectorView } from './connector-view.js';

/** Get-SendConnector [-Identity]. */
export function mockGetSendConnector(ctx: CallContext): void {
  const objects = ctx.env.store.read((tx) => {
    const identity = ctx.params.string('identity');
    const connectors =
      identity === undefined || identity === ''
        ? tx.getOrgConfig().connectors.filter((c) => c.kind === 'Send')
        : [findConnector(tx, 'Send', identity)];
    return connectors.map((c) => sendConnectorView(tx, c));
  });
  ctx.output.push(...objects);
}
