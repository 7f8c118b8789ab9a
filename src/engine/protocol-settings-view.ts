// POP3 / IMAP4 settings of a server as Get-PopSettings / Get-ImapSettings write them (Exchange's defaults where unset).
import { EXCHANGE_OBJECT_TYPES } from '../spec/output/exchange-object-views.js';
import { approximated } from './approximated-messages.js';
import type { CallContext } from './call-context.js';
import { CmdletFailure } from './cmdlet-failure.js';
import { prepareServerTarget } from './cmdlet-runner.js';
import { exchangeObject } from './exchange-object.js';
import type { ProtocolSettingsRecord, ServerConfig, ServerRecord, StateTransaction } from './org-state.js';
import { roleFlags } from './server-roles.js';

/** Which protocol a Get-/Set-*Settings cmdlet is about. */
export type MailProtocol = 'POP3' | 'IMAP4';

/** The protocol of a cmdlet name (`Get-PopSettings` -> POP3). */
export function protocolOf(cmdlet: string): MailProtocol {
  return /pop/i.test(cmdlet) ? 'POP3' : 'IMAP4';
}

/** Exchange's defaults: SSL on 995/993, plain or STARTTLS on 110/143, SecureLogin, internal settings on the server FQDN. */
export function defaultProtocolSettings(protocol: MailProtocol, server: ServerRecord): ProtocolSettingsRecord {
  const [ssl, plain] = protocol === 'POP3' ? [995, 110] : [993, 143];
  return {
    loginType: 'SecureLogin',
    externalConnectionSettings: [],
    internalConnectionSettings: [`${server.fqdn}:${ssl}:SSL`, `${server.fqdn}:${plain}:TLS`],
    sslBindings: [`[::]:${ssl}`, `0.0.0.0:${ssl}`],
    unencryptedOrTlsBindings: [`[::]:${plain}`, `0.0.0.0:${plain}`],
  };
}

/** The stored settings of a protocol on a server, else the defaults. */
export function protocolSettings(
  protocol: MailProtocol,
  server: ServerRecord,
  config: ServerConfig,
): ProtocolSettingsRecord {
  return (
    (protocol === 'POP3' ? config.pop3Settings : config.imap4Settings) ?? defaultProtocolSettings(protocol, server)
  );
}

/** The target server (-Server, else the connected one); it must run the client access services. */
export function protocolServer(ctx: CallContext, tx: StateTransaction, protocol: MailProtocol): ServerRecord {
  const server = prepareServerTarget(ctx, tx);
  const flags = roleFlags(server);
  if (!(flags.clientAccess || flags.cafe) || flags.edge)
    throw CmdletFailure.cmdlet(
      approximated('ProtocolNotInstalled', protocol, server.name),
      'InvalidOperation',
      'InvalidOperationException',
    );
  return server;
}

/** One settings object. */
export function protocolSettingsView(
  protocol: MailProtocol,
  server: ServerRecord,
  config: ServerConfig,
): Record<string, unknown> {
  const s = protocolSettings(protocol, server, config);
  const type = protocol === 'POP3' ? EXCHANGE_OBJECT_TYPES.popSettings : EXCHANGE_OBJECT_TYPES.imapSettings;
  return exchangeObject(type, `${server.name}\\1`, {
    ProtocolName: protocol,
    Name: '1',
    Server: server.name,
    X509CertificateName: protocol === 'POP3' ? config.pop3CertificateName : config.imap4CertificateName,
    LoginType: s.loginType,
    SSLBindings: [...s.sslBindings],
    UnencryptedOrTLSBindings: [...s.unencryptedOrTlsBindings],
    ExternalConnectionSettings: [...s.externalConnectionSettings],
    InternalConnectionSettings: s.internalConnectionSettings === null ? [] : [...s.internalConnectionSettings],
    Identity: `${server.name}\\1`,
  });
}
