import { defineCmdlet, param } from '../cmdlet-spec.js';

/** Get-ReceiveConnector: the Receive connectors of the organization or of one server. */
export const getReceiveConnectorSpec = defineCmdlet({
  name: 'Get-ReceiveConnector',
  kind: 'exchange',
  synopsis: 'Lists Receive connectors (all, one, or those of one server).',
  sets: ['Identity', 'Server'],
  defaultSet: 'Identity',
  parameters: [
    param('Identity', 'ReceiveConnectorIdParameter', { sets: ['Identity'], position: 0, pipeline: 'value' }),
    param('DomainController', 'Fqdn'),
    param('Server', 'ServerIdParameter', { sets: ['Server'], pipeline: 'value' }),
  ],
});
