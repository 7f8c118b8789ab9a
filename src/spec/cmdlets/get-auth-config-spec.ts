import { defineCmdlet, param } from '../cmdlet-spec.js';
import { SINCE_2013 } from '../exchange-target.js';

/** Get-AuthConfig: the organization's OAuth (Auth certificate) configuration. */
export const getAuthConfigSpec = defineCmdlet({
  name: 'Get-AuthConfig',
  kind: 'exchange',
  synopsis: 'Shows the Auth configuration: current, next and previous Auth certificate thumbprints.',
  sets: ['Default'],
  defaultSet: 'Default',
  exchange: SINCE_2013,
  parameters: [param('DomainController', 'Fqdn', { exchange: SINCE_2013 })],
});
