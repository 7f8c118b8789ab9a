import { defineCmdlet, param } from '../cmdlet-spec.js';
import { SINCE_2013 } from '../exchange-target.js';

const CERTIFICATE_SETS = ['CurrentCertificateParameter', 'PublishAuthCertificateParameter', 'NewCertificateParameter'];

/** Set-AuthConfig: sets or rolls over the Auth certificate (the renewal Microsoft documents). */
export const setAuthConfigSpec = defineCmdlet({
  name: 'Set-AuthConfig',
  kind: 'exchange',
  synopsis: 'Changes the Auth configuration: the next Auth certificate, publishing it, clearing the previous one.',
  sets: [
    'CurrentCertificateParameter',
    'PublishAuthCertificateParameter',
    'NewCertificateParameter',
    'AuthConfigSettings',
  ],
  defaultSet: 'AuthConfigSettings',
  supportsShouldProcess: true,
  exchange: SINCE_2013,
  parameters: [
    param('CertificateThumbprint', 'String', {
      sets: ['CurrentCertificateParameter'],
      mandatory: true,
      format: 'thumbprint',
      exchange: SINCE_2013,
      summary: 'make this certificate the current Auth certificate at once',
    }),
    param('ClearPreviousCertificate', 'SwitchParameter', {
      sets: ['PublishAuthCertificateParameter'],
      exchange: SINCE_2013,
    }),
    param('Confirm', 'SwitchParameter', { aliases: ['cf'], exchange: SINCE_2013 }),
    param('DomainController', 'Fqdn', { exchange: SINCE_2013 }),
    param('Force', 'SwitchParameter', { sets: CERTIFICATE_SETS, exchange: SINCE_2013 }),
    param('NewCertificateEffectiveDate', 'DateTime', { sets: ['NewCertificateParameter'], exchange: SINCE_2013 }),
    param('NewCertificateThumbprint', 'String', {
      sets: ['NewCertificateParameter'],
      format: 'thumbprint',
      exchange: SINCE_2013,
      summary: 'the next Auth certificate',
    }),
    param('PublishCertificate', 'SwitchParameter', { sets: ['PublishAuthCertificateParameter'], exchange: SINCE_2013 }),
    param('Realm', 'String', { sets: ['AuthConfigSettings'], exchange: SINCE_2013 }),
    param('Server', 'ServerIdParameter', {
      sets: ['CurrentCertificateParameter', 'NewCertificateParameter'],
      exchange: SINCE_2013,
    }),
    param('ServiceName', 'String', { sets: ['AuthConfigSettings'], exchange: SINCE_2013 }),
    param('SkipImmediateCertificateDeployment', 'SwitchParameter', {
      sets: ['CurrentCertificateParameter', 'NewCertificateParameter'],
      exchange: SINCE_2013,
    }),
    param('WhatIf', 'SwitchParameter', { aliases: ['wi'], exchange: SINCE_2013 }),
  ],
});
