// The option names of every parameter the Exchange cmdlets (the six and their neighbours) take, as one type derived from their spec tables.
import type { CmdletSpec, OptionName } from './cmdlet-spec.js';
import type { CommonParameterSpecs, ShouldProcessParameterSpecs } from './common-parameters.js';
import type { enableExchangeCertificateSpec } from './cmdlets/enable-exchange-certificate-spec.js';
import type { exportExchangeCertificateSpec } from './cmdlets/export-exchange-certificate-spec.js';
import type { getExchangeCertificateSpec } from './cmdlets/get-exchange-certificate-spec.js';
import type { importExchangeCertificateSpec } from './cmdlets/import-exchange-certificate-spec.js';
import type { newExchangeCertificateSpec } from './cmdlets/new-exchange-certificate-spec.js';
import type { getExchangeServerSpec } from './cmdlets/get-exchange-server-spec.js';
import type { getAuthConfigSpec } from './cmdlets/get-auth-config-spec.js';
import type { setAuthConfigSpec } from './cmdlets/set-auth-config-spec.js';
import type { getSendConnectorSpec } from './cmdlets/get-send-connector-spec.js';
import type { setSendConnectorSpec } from './cmdlets/set-send-connector-spec.js';
import type { getReceiveConnectorSpec } from './cmdlets/get-receive-connector-spec.js';
import type { setReceiveConnectorSpec } from './cmdlets/set-receive-connector-spec.js';
import type { getPopSettingsSpec } from './cmdlets/get-pop-settings-spec.js';
import type { setPopSettingsSpec } from './cmdlets/set-pop-settings-spec.js';
import type { getClientAccessServiceSpec } from './cmdlets/get-client-access-service-spec.js';
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
  | NamesOf<typeof getExchangeServerSpec>
  | NamesOf<typeof getAuthConfigSpec>
  | NamesOf<typeof setAuthConfigSpec>
  | NamesOf<typeof getSendConnectorSpec>
  | NamesOf<typeof setSendConnectorSpec>
  | NamesOf<typeof getReceiveConnectorSpec>
  | NamesOf<typeof setReceiveConnectorSpec>
  | NamesOf<typeof getPopSettingsSpec>
  | NamesOf<typeof setPopSettingsSpec>
  | NamesOf<typeof getClientAccessServiceSpec>
  | OptionName<CommonParameterSpecs[number]['name']>
  | OptionName<ShouldProcessParameterSpecs[number]['name']>;
