import { defineCmdlet, param } from '../cmdlet-spec.js';
import { SINCE_2013 } from '../exchange-target.js';

/** Get-ExchangeCertificate: lists certificates and pending requests. */
export const getExchangeCertificateSpec = defineCmdlet({
  name: 'Get-ExchangeCertificate',
  kind: 'exchange',
  synopsis: 'Lists Exchange certificates and pending requests on a server.',
  sets: ['Identity', 'Instance', 'Thumbprint'],
  defaultSet: 'Thumbprint',
  parameters: [
    param('Thumbprint', 'String', { sets: ['Thumbprint'], position: 0, pipeline: 'value', format: 'thumbprint' }),
    param('Identity', 'ExchangeCertificateIdParameter', {
      sets: ['Identity'],
      position: 0,
      exchange: SINCE_2013,
      instead: '-Thumbprint (with -Server for another server)',
    }),
    param('Instance', 'X509Certificate2', { sets: ['Instance'], pipeline: 'value' }),
    param('DomainController', 'Fqdn'),
    param('DomainName', 'MultiValuedProperty', { format: 'dnsName', summary: 'only certificates for these names' }),
    param('Server', 'ServerIdParameter', { sets: ['Instance', 'Thumbprint'] }),
  ],
});
