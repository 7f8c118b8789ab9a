import { defineCmdlet, param } from '../cmdlet-spec.js';
import { BEFORE_2022H1_FILE_PARAMETERS } from '../exchange-target.js';
import { ALLOWED_SERVICE_NAMES } from '../ps-type.js';

const REQUEST = ['Request'];

/** New-ExchangeCertificate: self-signed certificates, or a PKCS#10 request with -GenerateRequest. */
export const newExchangeCertificateSpec = defineCmdlet({
  name: 'New-ExchangeCertificate',
  kind: 'exchange',
  synopsis: 'Creates or renews a self-signed certificate, or creates a certificate request for a CA.',
  sets: ['Request', 'Certificate'],
  defaultSet: 'Certificate',
  supportsShouldProcess: true,
  parameters: [
    param('BinaryEncoded', 'SwitchParameter', {
      sets: REQUEST,
      summary: 'DER request bytes in FileData instead of Base64 text',
    }),
    param('GenerateRequest', 'SwitchParameter', {
      sets: REQUEST,
      summary: 'create a certificate request (CSR) for a CA',
    }),
    param('RequestFile', 'String', {
      sets: REQUEST,
      exchange: BEFORE_2022H1_FILE_PARAMETERS,
      summary: 'server-side path the request is written to',
      instead: 'keep the request text and write it on the client (script().writeFile(path, variable(...)))',
    }),
    param('Services', 'AllowedServices', {
      sets: ['Certificate'],
      accepted: ALLOWED_SERVICE_NAMES,
      summary: 'services for a new self-signed certificate',
    }),
    param('Confirm', 'SwitchParameter', { aliases: ['cf'] }),
    param('DomainController', 'Fqdn'),
    param('DomainName', 'MultiValuedProperty', {
      format: 'dnsName',
      summary: 'names for the Subject Alternative Name extension',
    }),
    param('Force', 'SwitchParameter', { summary: 'replace the default SMTP certificate without asking' }),
    param('FriendlyName', 'String', {
      serverLimits: { maxLength: 63 },
      summary: 'friendly name (fewer than 64 characters)',
    }),
    param('IncludeAcceptedDomains', 'SwitchParameter'),
    param('IncludeAutoDiscover', 'SwitchParameter'),
    param('IncludeServerFQDN', 'SwitchParameter'),
    param('IncludeServerNetBIOSName', 'SwitchParameter'),
    param('Instance', 'X509Certificate2', { pipeline: 'value', summary: 'certificate to renew (pipeline input)' }),
    param('KeySize', 'Int32', { accepted: [1024, 2048, 4096], summary: 'RSA key size in bits' }),
    param('PrivateKeyExportable', 'Boolean', { summary: 'whether the private key can be exported' }),
    param('Server', 'ServerIdParameter', { summary: 'target Exchange server' }),
    param('SubjectKeyIdentifier', 'String'),
    param('SubjectName', 'X500DistinguishedName', { summary: 'X.500 subject, e.g. CN=mail.contoso.com' }),
    param('WhatIf', 'SwitchParameter', { aliases: ['wi'] }),
  ],
});
