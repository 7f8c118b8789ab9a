import { defineCmdlet, param } from '../cmdlet-spec.js';

/** Set-PopSettings: changes the POP3 service settings of a server (a subset: the certificate name and bindings). */
export const setPopSettingsSpec = defineCmdlet({
  name: 'Set-PopSettings',
  kind: 'exchange',
  synopsis: 'Changes the POP3 service settings of a server, e.g. X509CertificateName (the FQDN of its certificate).',
  sets: ['Default'],
  defaultSet: 'Default',
  supportsShouldProcess: true,
  parameters: [
    param('Confirm', 'SwitchParameter', { aliases: ['cf'] }),
    param('DomainController', 'Fqdn'),
    param('ExternalConnectionSettings', 'MultiValuedProperty'),
    param('InternalConnectionSettings', 'MultiValuedProperty'),
    param('LoginType', 'String', { accepted: ['PlainTextLogin', 'PlainTextAuthentication', 'SecureLogin'] }),
    param('Server', 'ServerIdParameter'),
    param('SSLBindings', 'MultiValuedProperty'),
    param('UnencryptedOrTLSBindings', 'MultiValuedProperty'),
    param('WhatIf', 'SwitchParameter', { aliases: ['wi'] }),
    param('X509CertificateName', 'String', { summary: 'the FQDN whose certificate POP3 uses' }),
  ],
});
