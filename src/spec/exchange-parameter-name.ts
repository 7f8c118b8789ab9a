// The option names of every parameter the six certificate cmdlets take, as one type derived from their spec tables.
import type { CmdletSpec, OptionName } from './cmdlet-spec.js';
import type { CommonParameterSpecs, ShouldProcessParameterSpecs } from './common-parameters.js';
import type { enableExchangeCertificateSpec } from './cmdlets/enable-exchange-certificate-spec.js';
import type { exportExchangeCertificateSpec } from './cmdlets/export-exchange-certificate-spec.js';
import type { getExchangeCertificateSpec } from './cmdlets/get-exchange-certificate-spec.js';
import type { importExchangeCertificateSpec } from './cmdlets/import-exchange-certificate-spec.js';
import type { newExchangeCertificateSpec } from './cmdlets/new-exchange-certificate-spec.js';
import type { removeExchangeCertificateSpec } from './cmdlets/remove-exchange-certificate-spec.js';

type NamesOf<S extends CmdletSpec> = OptionName<S['parameters'][number]['name']>;

/** `subjectName`, `force`, `whatIf`, ...: a misspelt name does not compile where this type is used. */
export type ExchangeParameterName =
  | NamesOf<typeof newExchangeCertificateSpec>
  | NamesOf<typeof importExchangeCertificateSpec>
  | NamesOf<typeof enableExchangeCertificateSpec>
  | NamesOf<typeof exportExchangeCertificateSpec>
  | NamesOf<typeof getExchangeCertificateSpec>
  | NamesOf<typeof removeExchangeCertificateSpec>
  | OptionName<CommonParameterSpecs[number]['name']>
  | OptionName<ShouldProcessParameterSpecs[number]['name']>;
