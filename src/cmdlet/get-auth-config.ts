import { getAuthConfigSpec } from '../spec/cmdlets/get-auth-config-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type GetAuthConfigOptions = OptionsOf<typeof getAuthConfigSpec>;

/**
 * Get-AuthConfig: shows the Auth configuration: current, next and previous Auth certificate thumbprints.
 * @example getAuthConfig({})
 */
export function getAuthConfig(options: GetAuthConfigOptions = {}): CmdletBuilder<typeof getAuthConfigSpec> {
  return new CmdletBuilder(getAuthConfigSpec, options);
}
