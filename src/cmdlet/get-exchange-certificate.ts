import { getExchangeCertificateSpec } from '../spec/cmdlets/get-exchange-certificate-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type GetExchangeCertificateOptions = OptionsOf<typeof getExchangeCertificateSpec>;

/**
 * Get-ExchangeCertificate: lists certificates and pending requests.
 * @example getExchangeCertificate({ server: 'AMS-EXCH01', thumbprint: '225B26D7F8EF0721887213EEF71F87380DE8AEEE' })
 */
export function getExchangeCertificate(
  options: GetExchangeCertificateOptions = {},
): CmdletBuilder<typeof getExchangeCertificateSpec> {
  return new CmdletBuilder(getExchangeCertificateSpec, options);
}
