import { defineCmdlet, param } from '../cmdlet-spec.js';
import { BEFORE_2022H1_FILE_PARAMETERS } from '../exchange-target.js';

// Set names follow the compiled cmdlet (each set is named after its own parameter); the docs cross them.
/** Import-ExchangeCertificate: installs a PFX or certificate, or completes a pending request. */
export const importExchangeCertificateSpec = defineCmdlet({
  name: 'Import-ExchangeCertificate',
  kind: 'exchange',
  synopsis: "Imports a certificate or PFX, or completes a pending request with the CA's answer.",
  sets: ['FileData', 'FileName', 'Instance'],
  defaultSet: 'FileData',
  supportsShouldProcess: true,
  parameters: [
    param('FileData', 'Byte[]', {
      sets: ['FileData'],
      mandatory: true,
      summary: 'bytes of the certificate or PFX file',
    }),
    param('FileName', 'String', {
      sets: ['FileName'],
      mandatory: true,
      exchange: BEFORE_2022H1_FILE_PARAMETERS,
      summary: 'server-side path of the file',
      instead: '-FileData with the file bytes (fileBytes(path))',
    }),
    param('Instance', 'String[]', {
      sets: ['Instance'],
      mandatory: true,
      pipeline: 'value',
      summary: 'Base64 certificate text (deprecated)',
    }),
    param('Confirm', 'SwitchParameter', { aliases: ['cf'] }),
    param('DomainController', 'Fqdn'),
    param('FriendlyName', 'String', { serverLimits: { maxLength: 63 } }),
    param('Password', 'SecureString', { summary: 'password of the PFX' }),
    param('PrivateKeyExportable', 'Boolean'),
    param('Server', 'ServerIdParameter'),
    param('WhatIf', 'SwitchParameter', { aliases: ['wi'] }),
  ],
});
