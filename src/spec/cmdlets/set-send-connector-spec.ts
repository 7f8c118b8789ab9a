import { defineCmdlet, param } from '../cmdlet-spec.js';
import { SINCE_2013 } from '../exchange-target.js';

/** Set-SendConnector: changes a Send connector (a subset of its parameters: TLS certificate, FQDN, name, state). */
export const setSendConnectorSpec = defineCmdlet({
  name: 'Set-SendConnector',
  kind: 'exchange',
  synopsis: "Changes a Send connector, e.g. its TLS certificate (TlsCertificateName '<I>issuer<S>subject').",
  sets: ['Default'],
  defaultSet: 'Default',
  supportsShouldProcess: true,
  parameters: [
    param('Identity', 'SendConnectorIdParameter', { mandatory: true, position: 0, pipeline: 'value' }),
    param('Comment', 'String'),
    param('Confirm', 'SwitchParameter', { aliases: ['cf'] }),
    param('DomainController', 'Fqdn'),
    param('Enabled', 'Boolean'),
    param('Force', 'SwitchParameter'),
    param('Fqdn', 'Fqdn', { summary: 'the FQDN the connector announces in HELO/EHLO' }),
    param('Name', 'String'),
    param('RequireTLS', 'Boolean'),
    param('TlsAuthLevel', 'String', { accepted: ['EncryptionOnly', 'CertificateValidation', 'DomainValidation'] }),
    param('TlsCertificateName', 'SmtpX509Identifier', {
      exchange: SINCE_2013,
      summary: "the certificate for TLS: '<I>issuer<S>subject'",
    }),
    param('TlsDomain', 'String'),
    param('WhatIf', 'SwitchParameter', { aliases: ['wi'] }),
  ],
});
