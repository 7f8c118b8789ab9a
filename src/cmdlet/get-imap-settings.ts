import { getImapSettingsSpec } from '../spec/cmdlets/get-imap-settings-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type GetImapSettingsOptions = OptionsOf<typeof getImapSettingsSpec>;

/**
 * Get-ImapSettings: shows the IMAP4 service settings of a server, including its X509CertificateName.
 * @example getImapSettings({})
 */
export function getImapSettings(options: GetImapSettingsOptions = {}): CmdletBuilder<typeof getImapSettingsSpec> {
  return new CmdletBuilder(getImapSettingsSpec, options);
}
