import { defineCmdlet, param } from '../cmdlet-spec.js';

/** Get-PopSettings: the POP3 service settings of a server (X509CertificateName). */
export const getPopSettingsSpec = defineCmdlet({
  name: 'Get-PopSettings',
  kind: 'exchange',
  synopsis: 'Shows the POP3 service settings of a server, including its X509CertificateName.',
  sets: ['Default'],
  defaultSet: 'Default',
  parameters: [param('DomainController', 'Fqdn'), param('Server', 'ServerIdParameter')],
});
