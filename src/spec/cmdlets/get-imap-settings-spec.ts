import { defineCmdlet, param } from '../cmdlet-spec.js';

/** Get-ImapSettings: the IMAP4 service settings of a server (X509CertificateName). */
export const getImapSettingsSpec = defineCmdlet({
  name: 'Get-ImapSettings',
  kind: 'exchange',
  synopsis: 'Shows the IMAP4 service settings of a server, including its X509CertificateName.',
  sets: ['Default'],
  defaultSet: 'Default',
  parameters: [param('DomainController', 'Fqdn'), param('Server', 'ServerIdParameter')],
});
