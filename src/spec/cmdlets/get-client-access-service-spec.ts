import { defineCmdlet, param } from '../cmdlet-spec.js';

const SINCE_2016 = Object.freeze({ '2016': true, '2019': true, SE: true } as const);

/** Get-ClientAccessService: the client access services of the organization's servers (2016 and later). */
export const getClientAccessServiceSpec = defineCmdlet({
  name: 'Get-ClientAccessService',
  kind: 'exchange',
  synopsis: 'Lists the client access services of Exchange servers (Name, Fqdn, AutoDiscoverServiceInternalUri).',
  sets: ['Default'],
  defaultSet: 'Default',
  exchange: SINCE_2016,
  parameters: [
    param('Identity', 'ClientAccessServerIdParameter', { position: 0, pipeline: 'value', exchange: SINCE_2016 }),
    param('DomainController', 'Fqdn', { exchange: SINCE_2016 }),
    param('IncludeAlternateServiceAccountCredentialPassword', 'SwitchParameter', { exchange: SINCE_2016 }),
    param('IncludeAlternateServiceAccountCredentialStatus', 'SwitchParameter', { exchange: SINCE_2016 }),
  ],
});
