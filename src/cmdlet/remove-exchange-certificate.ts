import { removeExchangeCertificateSpec } from '../spec/cmdlets/remove-exchange-certificate-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type RemoveExchangeCertificateOptions = OptionsOf<typeof removeExchangeCertificateSpec>;

/**
 * Remove-ExchangeCertificate: deletes a certificate or pending request.
 * @example removeExchangeCertificate({ thumbprint: '225B26D7F8EF0721887213EEF71F87380DE8AEEE', confirm: false })
 */
export function removeExchangeCertificate(
  options: RemoveExchangeCertificateOptions = {},
): CmdletBuilder<typeof removeExchangeCertificateSpec> {
  return new CmdletBuilder(removeExchangeCertificateSpec, options);
}
