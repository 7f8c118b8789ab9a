import { enableExchangeCertificateSpec } from '../spec/cmdlets/enable-exchange-certificate-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type EnableExchangeCertificateOptions = OptionsOf<typeof enableExchangeCertificateSpec>;

/**
 * Enable-ExchangeCertificate: assigns a certificate to services (additive).
 * @example enableExchangeCertificate({ thumbprint: '225B26D7F8EF0721887213EEF71F87380DE8AEEE', services: ['IIS', 'SMTP'] })
 */
export function enableExchangeCertificate(
  options: EnableExchangeCertificateOptions = {},
): CmdletBuilder<typeof enableExchangeCertificateSpec> {
  return new CmdletBuilder(enableExchangeCertificateSpec, options);
}
