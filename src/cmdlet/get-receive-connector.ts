import { getReceiveConnectorSpec } from '../spec/cmdlets/get-receive-connector-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type GetReceiveConnectorOptions = OptionsOf<typeof getReceiveConnectorSpec>;

/**
 * Get-ReceiveConnector: lists Receive connectors (all, one, or those of one server).
 * @example getReceiveConnector({})
 */
export function getReceiveConnector(
  options: GetReceiveConnectorOptions = {},
): CmdletBuilder<typeof getReceiveConnectorSpec> {
  return new CmdletBuilder(getReceiveConnectorSpec, options);
}
