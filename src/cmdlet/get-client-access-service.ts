import { getClientAccessServiceSpec } from '../spec/cmdlets/get-client-access-service-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type GetClientAccessServiceOptions = OptionsOf<typeof getClientAccessServiceSpec>;

/**
 * Get-ClientAccessService: lists the client access services of Exchange servers (Name, Fqdn, AutoDiscoverServiceInternalUri).
 * @example getClientAccessService({})
 */
export function getClientAccessService(
  options: GetClientAccessServiceOptions = {},
): CmdletBuilder<typeof getClientAccessServiceSpec> {
  return new CmdletBuilder(getClientAccessServiceSpec, options);
}
