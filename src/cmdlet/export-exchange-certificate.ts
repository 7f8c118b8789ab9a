import { exportExchangeCertificateSpec } from '../spec/cmdlets/export-exchange-certificate-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type ExportExchangeCertificateOptions = OptionsOf<typeof exportExchangeCertificateSpec>;

/**
 * Export-ExchangeCertificate: a certificate as PFX (needs an exportable key) or a pending request.
 * @example exportExchangeCertificate({ thumbprint: '225B26D7F8EF0721887213EEF71F87380DE8AEEE', binaryEncoded: true, password: secret('Pass1word') })
 */
export function exportExchangeCertificate(
  options: ExportExchangeCertificateOptions = {},
): CmdletBuilder<typeof exportExchangeCertificateSpec> {
  return new CmdletBuilder(exportExchangeCertificateSpec, options);
}
