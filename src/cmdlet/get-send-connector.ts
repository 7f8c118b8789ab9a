import { getSendConnectorSpec } from '../spec/cmdlets/get-send-connector-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type GetSendConnectorOptions = OptionsOf<typeof getSendConnectorSpec>;

/**
 * Get-SendConnector: lists the organization's Send connectors.
 * @example getSendConnector({})
 */
export function getSendConnector(options: GetSendConnectorOptions = {}): CmdletBuilder<typeof getSendConnectorSpec> {
  return new CmdletBuilder(getSendConnectorSpec, options);
}
