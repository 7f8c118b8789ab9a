import { defineCmdlet, param } from '../cmdlet-spec.js';
import { SINCE_2013 } from '../exchange-target.js';

/** Set-ReceiveConnector: changes a Receive connector (a subset of its parameters: TLS certificate, FQDN, name, state). */
export const setReceiveConnectorSpec = defineCmdlet({
  name: 'Set-ReceiveConnector',
  kind: 'exchange',
  synopsis: "Changes a Receive connector, e.g. its TLS certificate (TlsCertificateName '<I>issuer<S>subject').",
  sets: ['Default'],
  defaultSet: 'Default',
  supportsShouldProcess: true,
  parameters: [
    param('Identity', 'ReceiveConnectorIdParameter', { mandatory: true, position: 0, pipeline: 'value' }),
    param('Banner', 'String'),
    param('Comment', 'String'),
    param('Confirm', 'SwitchParameter', { aliases: ['cf'] }),
    param('DomainController', 'Fqdn'),
    param('Enabled', 'Boolean'),
    param('Fqdn', 'Fqdn', { summary: 'the FQDN the connector announces in its banner and EHLO' }),
    param('Name', 'String'),
    param('RequireTLS', 'Boolean'),
    param('TlsCertificateName', 'SmtpX509Identifier', {
      exchange: SINCE_2013,
      summary: "the certificate for TLS: '<I>issuer<S>subject'",
    }),
    param('WhatIf', 'SwitchParameter', { aliases: ['wi'] }),
  ],
});
