import { setImapSettingsSpec } from '../spec/cmdlets/set-imap-settings-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type SetImapSettingsOptions = OptionsOf<typeof setImapSettingsSpec>;

/**
 * Set-ImapSettings: changes the IMAP4 service settings of a server, e.g. X509CertificateName (the FQDN of its certificate).
 * @example setImapSettings({ server: 'AMS-EXCH01', x509CertificateName: 'mail.contoso.com' })
 */
export function setImapSettings(options: SetImapSettingsOptions): CmdletBuilder<typeof setImapSettingsSpec> {
  return new CmdletBuilder(setImapSettingsSpec, options);
}
