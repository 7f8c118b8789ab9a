// Set-PopSettings / Set-ImapSettings: X509CertificateName, login type and connection settings of one server.
import { approximated } from './approximated-messages.js';
import type { CallContext } from './call-context.js';
import type { ProtocolSettingsRecord } from './org-state.js';
import { shouldProcess } from './prompts.js';
import { protocolOf, protocolServer, protocolSettings } from './protocol-settings-view.js';

/** Set-PopSettings or Set-ImapSettings (by the cmdlet name): changes what was given, then warns that a restart is needed. */
export function mockSetProtocolSettings(ctx: CallContext): void {
  const protocol = protocolOf(ctx.call.cmdlet);
  const p = ctx.params;
  const server = ctx.env.store.write((tx) => {
    const target = protocolServer(ctx, tx, protocol);
    const config = tx.getServerConfig(target.name);
    const current = protocolSettings(protocol, target, config);
    const settings: ProtocolSettingsRecord = {
      ...current,
      ...(p.has('loginType') ? { loginType: p.string('loginType') as ProtocolSettingsRecord['loginType'] } : {}),
      ...(p.has('externalConnectionSettings')
        ? { externalConnectionSettings: p.strings('externalConnectionSettings') ?? [] }
        : {}),
      ...(p.has('internalConnectionSettings')
        ? { internalConnectionSettings: p.strings('internalConnectionSettings') ?? [] }
        : {}),
      ...(p.has('sSLBindings') ? { sslBindings: p.strings('sSLBindings') ?? [] } : {}),
      ...(p.has('unencryptedOrTLSBindings')
        ? { unencryptedOrTlsBindings: p.strings('unencryptedOrTLSBindings') ?? [] }
        : {}),
    };
    const name = p.has('x509CertificateName') ? (p.string('x509CertificateName') ?? '').trim() || null : undefined;
    const what = protocol === 'POP3' ? 'POP3 settings' : 'IMAP4 settings';
    if (!shouldProcess(ctx, approximated('ConfirmSetObject', what, `${target.name}\\1`))) return undefined;
    tx.putServerConfig(target.name, {
      ...config,
      ...(protocol === 'POP3' ? { pop3Settings: settings } : { imap4Settings: settings }),
      ...(name === undefined
        ? {}
        : protocol === 'POP3'
          ? { pop3CertificateName: name }
          : { imap4CertificateName: name }),
    });
    return target.name;
  });
  if (server !== undefined) ctx.warnings.push(approximated('ProtocolSettingsRestart', protocol, server));
}
