import { defineCmdlet, param } from '../cmdlet-spec.js';
import { SINCE_2013 } from '../exchange-target.js';
import { ALLOWED_SERVICE_NAMES } from '../ps-type.js';

/** Enable-ExchangeCertificate: assigns a certificate to services (additive). */
export const enableExchangeCertificateSpec = defineCmdlet({
  name: 'Enable-ExchangeCertificate',
  kind: 'exchange',
  synopsis: 'Assigns an installed certificate to Exchange services.',
  sets: ['Thumbprint', 'Identity'],
  defaultSet: 'Thumbprint',
  supportsShouldProcess: true,
  parameters: [
    param('Thumbprint', 'String', {
      sets: ['Thumbprint'],
      mandatory: true,
      position: 0,
      pipeline: 'both',
      format: 'thumbprint',
    }),
    param('Identity', 'ExchangeCertificateIdParameter', {
      sets: ['Identity'],
      position: 0,
      exchange: SINCE_2013,
      instead: '-Thumbprint (with -Server for another server)',
    }),
    param('Services', 'AllowedServices', { mandatory: true, accepted: ALLOWED_SERVICE_NAMES }),
    param('Confirm', 'SwitchParameter', { aliases: ['cf'] }),
    param('DomainController', 'Fqdn'),
    param('DoNotRequireSsl', 'SwitchParameter'),
    param('Force', 'SwitchParameter'),
    param('NetworkServiceAllowed', 'SwitchParameter'),
    param('Server', 'ServerIdParameter', { sets: ['Thumbprint'] }),
    param('WhatIf', 'SwitchParameter', { aliases: ['wi'] }),
  ],
});
