import { getExchangeServerSpec } from '../spec/cmdlets/get-exchange-server-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type GetExchangeServerOptions = OptionsOf<typeof getExchangeServerSpec>;

/**
 * Get-ExchangeServer: lists the organization's Exchange servers and their versions and roles.
 * @example getExchangeServer({})
 */
export function getExchangeServer(options: GetExchangeServerOptions = {}): CmdletBuilder<typeof getExchangeServerSpec> {
  return new CmdletBuilder(getExchangeServerSpec, options);
}
