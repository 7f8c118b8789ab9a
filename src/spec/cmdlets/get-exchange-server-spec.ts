import { defineCmdlet, param } from '../cmdlet-spec.js';

/** Get-ExchangeServer: the organization's Exchange servers (Name, Fqdn, AdminDisplayVersion, ServerRole, Edition). */
export const getExchangeServerSpec = defineCmdlet({
  name: 'Get-ExchangeServer',
  kind: 'exchange',
  synopsis: "Lists the organization's Exchange servers and their versions and roles.",
  sets: ['Identity', 'Domain'],
  defaultSet: 'Identity',
  parameters: [
    param('Identity', 'ServerIdParameter', { sets: ['Identity'], position: 0, pipeline: 'value' }),
    param('Domain', 'Fqdn', { sets: ['Domain'], mandatory: true, summary: 'only servers in this domain' }),
    param('DomainController', 'Fqdn'),
    param('Status', 'SwitchParameter'),
  ],
});
