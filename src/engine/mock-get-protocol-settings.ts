// Get-PopSettings / Get-ImapSettings: a server's POP3 / IMAP4 settings, X509CertificateName included (rule 74).
import type { CallContext } from './call-context.js';
import { protocolOf, protocolServer, protocolSettingsView } from './protocol-settings-view.js';

/** Get-PopSettings or Get-ImapSettings (by the cmdlet name) [-Server]. */
export function mockGetProtocolSettings(ctx: CallContext): void {
  const protocol = protocolOf(ctx.call.cmdlet);
  const view = ctx.env.store.read((tx) => {
    const server = protocolServer(ctx, tx, protocol);
    return protocolSettingsView(protocol, server, tx.getServerConfig(server.name));
  });
  ctx.output.push(view);
}
