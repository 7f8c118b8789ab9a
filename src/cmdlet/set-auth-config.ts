import { setAuthConfigSpec } from '../spec/cmdlets/set-auth-config-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type SetAuthConfigOptions = OptionsOf<typeof setAuthConfigSpec>;

/**
 * Set-AuthConfig: changes the Auth configuration: the next Auth certificate, publishing it, clearing the previous one.
 * @example setAuthConfig({ publishCertificate: true })
 */
export function setAuthConfig(options: SetAuthConfigOptions): CmdletBuilder<typeof setAuthConfigSpec> {
  return new CmdletBuilder(setAuthConfigSpec, options);
}
