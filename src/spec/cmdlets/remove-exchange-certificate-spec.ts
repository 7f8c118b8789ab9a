import { defineCmdlet, param } from '../cmdlet-spec.js';
import { SINCE_2013 } from '../exchange-target.js';

/** Remove-ExchangeCertificate: deletes a certificate or pending request (asks first). */
export const removeExchangeCertificateSpec = defineCmdlet({
  name: 'Remove-ExchangeCertificate',
  kind: 'exchange',
  synopsis: 'Deletes a certificate or pending request from a server.',
  sets: ['Thumbprint', 'Identity'],
  defaultSet: 'Thumbprint',
  supportsShouldProcess: true,
  confirmImpact: 'High',
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
    param('Confirm', 'SwitchParameter', { aliases: ['cf'] }),
    param('DomainController', 'Fqdn'),
    param('Server', 'ServerIdParameter', { sets: ['Thumbprint'] }),
    param('WhatIf', 'SwitchParameter', { aliases: ['wi'] }),
  ],
});
