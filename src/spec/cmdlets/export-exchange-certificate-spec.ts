import { defineCmdlet, param } from '../cmdlet-spec.js';
import { BEFORE_2022H1_FILE_PARAMETERS, SINCE_2013 } from '../exchange-target.js';

/** Export-ExchangeCertificate: a certificate as PKCS#12, or a pending request as PKCS#10. */
export const exportExchangeCertificateSpec = defineCmdlet({
  name: 'Export-ExchangeCertificate',
  kind: 'exchange',
  synopsis: 'Exports a certificate (PFX, needs an exportable key) or a pending request.',
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
    param('BinaryEncoded', 'SwitchParameter'),
    param('Confirm', 'SwitchParameter', { aliases: ['cf'] }),
    param('DomainController', 'Fqdn'),
    param('FileName', 'String', {
      exchange: BEFORE_2022H1_FILE_PARAMETERS,
      summary: 'server-side path the export is written to',
      instead:
        '-BinaryEncoded, then [System.IO.File]::WriteAllBytes(path, $result.FileData) (script().exportToFile does this)',
    }),
    param('Password', 'SecureString', { summary: 'password protecting the PFX' }),
    param('Server', 'ServerIdParameter', { sets: ['Thumbprint'] }),
    param('WhatIf', 'SwitchParameter', { aliases: ['wi'] }),
  ],
});
