import { setPopSettingsSpec } from '../spec/cmdlets/set-pop-settings-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type SetPopSettingsOptions = OptionsOf<typeof setPopSettingsSpec>;

/**
 * Set-PopSettings: changes the POP3 service settings of a server, e.g. X509CertificateName (the FQDN of its certificate).
 * @example setPopSettings({ server: 'AMS-EXCH01', x509CertificateName: 'mail.contoso.com' })
 */
export function setPopSettings(options: SetPopSettingsOptions): CmdletBuilder<typeof setPopSettingsSpec> {
  return new CmdletBuilder(setPopSettingsSpec, options);
}
