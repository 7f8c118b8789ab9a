// The .NET types of the neighbouring cmdlets' output objects and the columns their default table view shows.

/** .NET type names of the objects Get-ExchangeServer, Get-AuthConfig, Get-*Connector, Get-*Settings and Get-ClientAccessService write. */
export const EXCHANGE_OBJECT_TYPES = Object.freeze({
  exchangeServer: 'Microsoft.Exchange.Data.Directory.Management.ExchangeServer',
  authConfig: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthConfig',
  sendConnector: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig',
  receiveConnector: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector',
  popSettings: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.Pop3AdConfiguration',
  imapSettings: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.Imap4AdConfiguration',
  clientAccessService: 'Microsoft.Exchange.Data.Directory.Management.ClientAccessServer',
} as const);

/**
 * Columns of each type's default table view (Exchange's format files); a type without one shows as a list (Get-AuthConfig).
 * @example EXCHANGE_TABLE_VIEWS[EXCHANGE_OBJECT_TYPES.exchangeServer] // ['Name', 'Site', 'ServerRole', 'Edition', 'AdminDisplayVersion']
 */
export const EXCHANGE_TABLE_VIEWS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  [EXCHANGE_OBJECT_TYPES.exchangeServer]: ['Name', 'Site', 'ServerRole', 'Edition', 'AdminDisplayVersion'],
  [EXCHANGE_OBJECT_TYPES.sendConnector]: ['Identity', 'AddressSpaces', 'Enabled'],
  [EXCHANGE_OBJECT_TYPES.receiveConnector]: ['Identity', 'Bindings', 'Enabled'],
  [EXCHANGE_OBJECT_TYPES.popSettings]: ['UnencryptedOrTLSBindings', 'SSLBindings', 'LoginType', 'X509CertificateName'],
  [EXCHANGE_OBJECT_TYPES.imapSettings]: ['UnencryptedOrTLSBindings', 'SSLBindings', 'LoginType', 'X509CertificateName'],
  [EXCHANGE_OBJECT_TYPES.clientAccessService]: ['Name', 'AutoDiscoverServiceInternalUri'],
});
