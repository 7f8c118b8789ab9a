import { importExchangeCertificateSpec } from '../spec/cmdlets/import-exchange-certificate-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type ImportExchangeCertificateOptions = OptionsOf<typeof importExchangeCertificateSpec>;

/**
 * Import-ExchangeCertificate: installs a PFX or certificate, or completes a pending request.
 * @example importExchangeCertificate({ server: 'AMS-EXCH01', fileData: fileBytes('C:\\install\\cert.cer') })
 */
export function importExchangeCertificate(
  options: ImportExchangeCertificateOptions = {},
): CmdletBuilder<typeof importExchangeCertificateSpec> {
  return new CmdletBuilder(importExchangeCertificateSpec, options);
}
