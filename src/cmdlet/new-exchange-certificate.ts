import { newExchangeCertificateSpec } from '../spec/cmdlets/new-exchange-certificate-spec.js';
import { CmdletBuilder } from './cmdlet-builder.js';
import type { OptionsOf } from './option-types.js';

export type NewExchangeCertificateOptions = OptionsOf<typeof newExchangeCertificateSpec>;

/**
 * New-ExchangeCertificate: a certificate request (`generateRequest: true`) or a self-signed certificate.
 * @example
 * newExchangeCertificate({ generateRequest: true, server: 'AMS-EXCH01', subjectName: 'C=NL, CN=webmail.exchangefun.nl',
 *   domainName: ['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl'], privateKeyExportable: true })
 */
export function newExchangeCertificate(
  options: NewExchangeCertificateOptions = {},
): CmdletBuilder<typeof newExchangeCertificateSpec> {
  return new CmdletBuilder(newExchangeCertificateSpec, options);
}
