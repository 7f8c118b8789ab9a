import { setReceiveConnectorSpec } from '../spec/cmdlets/set-receive-connector-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type SetReceiveConnectorOptions = OptionsOf<typeof setReceiveConnectorSpec>;

/**
 * Set-ReceiveConnector: changes a Receive connector, e.g. its TLS certificate (TlsCertificateName '<I>issuer<S>subject').
 * @example setReceiveConnector({ identity: 'AMS-EXCH01\\Default Frontend AMS-EXCH01', fqdn: 'mail.contoso.com' })
 */
export function setReceiveConnector(
  options: SetReceiveConnectorOptions,
): CmdletBuilder<typeof setReceiveConnectorSpec> {
  return new CmdletBuilder(setReceiveConnectorSpec, options);
}
