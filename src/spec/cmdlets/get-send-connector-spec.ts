import { defineCmdlet, param } from '../cmdlet-spec.js';

/** Get-SendConnector: the organization's Send connectors (TlsCertificateName, Fqdn). */
export const getSendConnectorSpec = defineCmdlet({
  name: 'Get-SendConnector',
  kind: 'exchange',
  synopsis: "Lists the organization's Send connectors.",
  sets: ['Default'],
  defaultSet: 'Default',
  parameters: [
    param('Identity', 'SendConnectorIdParameter', { position: 0, pipeline: 'value' }),
    param('DomainController', 'Fqdn'),
  ],
});
