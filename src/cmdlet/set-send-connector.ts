import { setSendConnectorSpec } from '../spec/cmdlets/set-send-connector-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type SetSendConnectorOptions = OptionsOf<typeof setSendConnectorSpec>;

/**
 * Set-SendConnector: changes a Send connector, e.g. its TLS certificate (TlsCertificateName '<I>issuer<S>subject').
 * @example setSendConnector({ identity: 'Internet', tlsCertificateName: '<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=mail.contoso.com' })
 */
export function setSendConnector(options: SetSendConnectorOptions): CmdletBuilder<typeof setSendConnectorSpec> {
  return new CmdletBuilder(setSendConnectorSpec, options);
}
