import { getPopSettingsSpec } from '../spec/cmdlets/get-pop-settings-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type GetPopSettingsOptions = OptionsOf<typeof getPopSettingsSpec>;

/**
 * Get-PopSettings: shows the POP3 service settings of a server, including its X509CertificateName.
 * @example getPopSettings({})
 */
export function getPopSettings(options: GetPopSettingsOptions = {}): CmdletBuilder<typeof getPopSettingsSpec> {
  return new CmdletBuilder(getPopSettingsSpec, options);
}
