// Messages whose real wording is unknown (ERRORS.md "wording unknown"): the mock's approximations, listed for the README.

/** One approximated message: `{0}`, `{1}`... are filled in at run time. */
export interface ApproximatedMessage {
  readonly id: string;
  readonly text: string;
  readonly why: string;
}

const UNKNOWN = 'wording unknown (ERRORS.md); the 2013 code names the resource';

/** Every message the mock words itself because no real capture of it is known. */
export const APPROXIMATED_MESSAGES: readonly ApproximatedMessage[] = Object.freeze([
  {
    id: 'ServerNotFound',
    text: "The operation couldn't be performed because object '{0}' couldn't be found on '{1}'.",
    why: 'ErrorServerNotFound text unknown; this is the ManagementObjectNotFoundException wording real captures show for unknown server identities ({1} is an invented domain controller name)',
  },
  {
    id: 'ExportCertificateAs12WithoutKey',
    text: "The certificate doesn't have a private key, so it can't be exported as PKCS-12.",
    why: `${UNKNOWN} ExportCertificateAs12WithoutKey (ERRORS.md §4)`,
  },
  {
    id: 'ExportWithPrivateKeyRequiresPassword',
    text: 'A password is required to export a certificate together with its private key. Use the Password parameter.',
    why: `${UNKNOWN} ExportWithPrivateKeyRequiresPassword (ERRORS.md §4)`,
  },
  {
    id: 'CertificateInvalidFileName',
    text: "The file name isn't valid or the file already exists on server {0}. Specify a new file name.",
    why: `${UNKNOWN} CertificateInvalidFileName (ERRORS.md §4, Export -FileName)`,
  },
  {
    id: 'ExportCertificateFileInvalid',
    text: "The exported data couldn't be written to the file. {0}",
    why: `${UNKNOWN} ExportCertificateFileInvalid (ERRORS.md §4); {0} is the I/O error`,
  },
  {
    id: 'CertificateInvalidRequestFile',
    text: "The request file name isn't valid or the file already exists on server {0}. Specify a new file name.",
    why: `${UNKNOWN} CertificateInvalidRequestFile (New -RequestFile)`,
  },
  {
    id: 'RequestCertificateFileInvalid',
    text: "The certificate request couldn't be written to the file. {0}",
    why: `${UNKNOWN} RequestCertificateFileInvalid; {0} is the I/O error`,
  },
  {
    id: 'CertificateRequestMissingForArgument',
    text: 'The BinaryEncoded parameter can only be used together with the GenerateRequest parameter (server {0}).',
    why: `${UNKNOWN} CertificateRequestMissingForArgument (ERRORS.md §12)`,
  },
  {
    id: 'CertificateRequestMissingGenerateRequest',
    text: 'The RequestFile parameter can only be used together with the GenerateRequest parameter (server {0}).',
    why: `${UNKNOWN} CertificateRequestMissingGenerateRequest (ERRORS.md §12)`,
  },
  {
    id: 'ImportCertificateDataIsNull',
    text: 'No certificate data was specified for server {0}. Use the FileData, FileName or Instance parameter.',
    why: `${UNKNOWN} ImportCertificateDataIsNull (ERRORS.md §5)`,
  },
  {
    id: 'ImportCertificateDataInvalid',
    text: 'The source data cannot be imported or the wrong password was specified.',
    why: 'empty data after header stripping (ERRORS.md §5): the cmdlet throws ImportCertificateDataInvalidException, assumed to carry the same text as the server string ImportCertificateDataInvalid, whose wording is known',
  },
  {
    id: 'ImportCertificateFileInvalid',
    text: "The file couldn't be read on server {0}. {1}",
    why: `${UNKNOWN} ImportCertificateFileInvalid (ERRORS.md §5); {1} is the I/O error`,
  },
  {
    id: 'ImportCertificateBase64DataInvalid',
    text: "The certificate data isn't valid Base64 data and can't be imported.",
    why: `${UNKNOWN} ImportCertificateBase64DataInvalid (ERRORS.md §5)`,
  },
  {
    id: 'FriendlyNameTooLong',
    text: 'The friendly name must be shorter than 64 characters.',
    why: `${UNKNOWN} FriendlyNameTooLong (rule 41)`,
  },
  {
    id: 'SubjectCnNotValidFQDN',
    text: "The common name (CN) in the subject name isn't a valid fully qualified domain name (FQDN).",
    why: `${UNKNOWN} SubjectCnNotValidFQDN (rule 36)`,
  },
  {
    id: 'DomainNameIsNotValidForCertificate',
    text: "The domain name '{0}' isn't valid for a certificate.",
    why: `${UNKNOWN} DomainNameIsNotValidForCertificate`,
  },
  {
    id: 'InvalidKeySize',
    text: 'The key size {0} is not valid. Valid key sizes are 1024, 2048 and 4096.',
    why: `${UNKNOWN} InvalidKeySize (rule 42)`,
  },
  {
    id: 'EnableCertificateServiceNotInstalled',
    text: "The certificate can't be enabled for the requested services because the server role that provides one of them isn't installed on this server.",
    why: `${UNKNOWN} EnableCertificateServiceNotInstalled (ERRORS.md §9, rule 79)`,
  },
  {
    id: 'EnableCertificateFederation',
    text: "Federation can't be enabled with Enable-ExchangeCertificate. Use New-FederationTrust or Set-FederationTrust to manage federation certificates.",
    why: `${UNKNOWN} EnableCertificateFederation (ERRORS.md §9, rule 78)`,
  },
  {
    id: 'IISNotInstalled',
    text: "IIS isn't installed on this server, so the certificate can't be enabled for IIS.",
    why: `${UNKNOWN} IISNotInstalled (ERRORS.md §9)`,
  },
  {
    id: 'UMRoleNotInstalled',
    text: "The certificate with thumbprint {0} can't be enabled for UM because the Unified Messaging role isn't installed on server {1}.",
    why: `${UNKNOWN} UMRoleNotInstalledException`,
  },
  {
    id: 'CafeRoleNotInstalled',
    text: "The certificate with thumbprint {0} can't be enabled for the UM Call Router because the Client Access role isn't installed on server {1}.",
    why: `${UNKNOWN} CafeRoleNotInstalledException`,
  },
  {
    id: 'CannotAssignCertificateToUM',
    text: "The certificate with thumbprint {0} can't be assigned to the UM service because its UMStartupMode is TCP. Set the startup mode to TLS or Dual first.",
    why: `${UNKNOWN} CannotAssignCertificateToUMException (ERRORS.md §9, rule 77)`,
  },
  {
    id: 'CannotAssignCertificateToUMCR',
    text: "The certificate with thumbprint {0} can't be assigned to the UM Call Router service because its UMStartupMode is TCP. Set the startup mode to TLS or Dual first.",
    why: `${UNKNOWN} CannotAssignCertificateToUMCRException (ERRORS.md §9, rule 77)`,
  },
  {
    id: 'CertificateExpired',
    text: 'The certificate with thumbprint {0} has expired.',
    why: `${UNKNOWN} CertificateExpiredException (ERRORS.md §9, rule 77)`,
  },
  {
    id: 'ConfirmEnableCertForUM',
    text: 'The certificate with thumbprint {0} will be used by the Unified Messaging service after the service is restarted. Do you want to continue?',
    why: `${UNKNOWN} ConfirmEnableCertForUM (ERRORS.md §6.3)`,
  },
  {
    id: 'ConfirmEnableCertForUMCR',
    text: 'The certificate with thumbprint {0} will be used by the UM Call Router service after the service is restarted. Do you want to continue?',
    why: `${UNKNOWN} ConfirmEnableCertForUMCR (ERRORS.md §6.3)`,
  },
  {
    id: 'ExchangeCertificateUpdatedForUM',
    text: 'The certificate for the Unified Messaging service on server {0} was updated. Restart the Microsoft Exchange Unified Messaging service to use it.',
    why: `${UNKNOWN} ExchangeCertificateUpdatedForUM (ERRORS.md §7)`,
  },
  {
    id: 'ExchangeCertificateUpdatedForUMCR',
    text: 'The certificate for the UM Call Router service on server {0} was updated. Restart the Microsoft Exchange Unified Messaging Call Router service to use it.',
    why: `${UNKNOWN} ExchangeCertificateUpdatedForUMCR (ERRORS.md §7)`,
  },
  {
    id: 'ConfirmEnforceRequireSslOnRoot',
    text: "Require SSL isn't set on the root of the Default Web Site. Enabling the certificate for IIS will turn it on. Do you want to continue?",
    why: `${UNKNOWN} ConfirmEnforceRequireSslOnRoot (ERRORS.md §6.3, rule 73)`,
  },
  {
    id: 'IncludeAutoDiscoverOnlyApplicableToCAS',
    text: 'The IncludeAutoDiscover parameter applies only to Client Access servers. No Autodiscover names were added.',
    why: `${UNKNOWN} IncludeAutoDiscoverOnlyApplicableToCAS (ERRORS.md §7, rule 40)`,
  },
  {
    id: 'InternalTransportCertificateUpdatedOnEdge',
    text: 'The internal transport certificate was updated on this Edge Transport server. Create a new Edge Subscription so that the Hub Transport servers use it.',
    why: `${UNKNOWN} InternalTransportCertificateUpdatedOnEdge (ERRORS.md §7)`,
  },
  {
    id: 'WarnCertificateWillNotBeUsedBestIsPKI',
    text: "This certificate will not be used for external TLS connections with an FQDN of '{1}' because the CA-signed certificate with thumbprint '{0}' takes precedence. The following connectors match that FQDN: {2}.",
    why: `${UNKNOWN} WarnCertificateWillNotBeUsedBestIsPKI (ERRORS.md §7)`,
  },
  {
    id: 'WarnCertificateWillNotBeUsed',
    text: "This certificate will not be used for external TLS connections with an FQDN of '{1}' because the self-signed certificate with thumbprint '{0}' takes precedence. The following connectors match that FQDN: {2}.",
    why: `${UNKNOWN} WarnCertificateWillNotBeUsed (ERRORS.md §7)`,
  },
  {
    id: 'CannotRemoveInternalTransportCertificate',
    text: "The certificate is the default SMTP certificate (internal transport certificate) of this server and can't be removed. Enable another certificate for SMTP first.",
    why: `${UNKNOWN} CannotRemoveInternalTransportCertificate (ERRORS.md §8)`,
  },
  {
    id: 'CannotRemoveUMCertificate',
    text: "The certificate is used by the Unified Messaging service and can't be removed.",
    why: `${UNKNOWN} CannotRemoveUMCertificate (ERRORS.md §8)`,
  },
  {
    id: 'CannotRemoveUMCRCertificate',
    text: "The certificate is used by the UM Call Router service and can't be removed.",
    why: `${UNKNOWN} CannotRemoveUMCRCertificate (ERRORS.md §8)`,
  },
  {
    id: 'RemoveCertificateFederation',
    text: "The certificate is used by a federation trust and can't be removed. Use Set-FederationTrust to replace it first.",
    why: `${UNKNOWN} RemoveCertificateFederation (ERRORS.md §8)`,
  },
  {
    id: 'AddAccessRuleArgument',
    text: "Network Service access to the private key of the certificate with thumbprint {0} couldn't be granted because the certificate has no private key.",
    why: `${UNKNOWN} AddAccessRuleArgumentException (-NetworkServiceAllowed on a certificate without a key)`,
  },
  {
    id: 'ExceptionEmptyStringNotAllowed',
    text: 'The Thumbprint parameter cannot be an empty string.',
    why: `${UNKNOWN} ExceptionEmptyStringNotAllowed (Export with an empty thumbprint)`,
  },
  {
    id: 'CertificateCreationFailed',
    text: "The certificate couldn't be created. {0}",
    why: "the server turns ArgumentException/CryptographicException from certificate creation into an error whose text is .NET's; {0} is the mock's own reason (e.g. an odd-length -SubjectKeyIdentifier)",
  },
  {
    id: 'SubjectNameTransformation',
    text: "Cannot process argument transformation on parameter 'SubjectName'. {0}",
    why: "normally a binder error (the value does not convert to X500DistinguishedName); PowerShell prefix is standard, the .NET inner message is not reproduced ({0} is the mock's reason)",
  },
  {
    id: 'ConfirmGenerateExchangeCertificate',
    text: "Creating a self-signed certificate with friendly name '{0}', subject '{1}', domains '{2}', services '{3}' and key size {4}.",
    why: `${UNKNOWN} ConfirmGenerateExchangeCertificate (-WhatIf/-Confirm text, rule 49)`,
  },
  {
    id: 'ConfirmGenerateExchangeCertificateRequest',
    text: "Generating a certificate request with friendly name '{0}', subject '{1}', domains '{2}' and key size {4}.",
    why: `${UNKNOWN} ConfirmGenerateExchangeCertificateRequest (-WhatIf/-Confirm text)`,
  },
  {
    id: 'ConfirmImportExchangeCertificateDirect',
    text: 'Importing a certificate.',
    why: `${UNKNOWN} ConfirmImportExchangeCertificateDirect (-WhatIf/-Confirm text)`,
  },
  {
    id: 'ConfirmEnableExchangeCertificate',
    text: "Enabling the certificate with thumbprint '{0}'.",
    why: `${UNKNOWN} ConfirmEnableExchangeCertificate (-WhatIf/-Confirm text)`,
  },
  {
    id: 'ConfirmExportExchangeCertificate',
    text: "Exporting the certificate with thumbprint '{0}'.",
    why: `${UNKNOWN} ConfirmExportExchangeCertificate (-WhatIf/-Confirm text)`,
  },
  {
    id: 'ConfirmRemoveExchangeCertificate',
    text: "Removing the certificate with thumbprint '{0}'.",
    why: `${UNKNOWN} ConfirmRemoveExchangeCertificate (-WhatIf/-Confirm text, ERRORS.md §6.2)`,
  },
  {
    id: 'ObjectNotFound',
    text: "The operation couldn't be performed because object '{0}' couldn't be found on '{1}'.",
    why: 'the ManagementObjectNotFoundException wording real captures show for unknown identities (Get-/Set-SendConnector, Get-/Set-ReceiveConnector, Get-ExchangeServer, Get-ClientAccessService); {1} is an invented domain controller name',
  },
  {
    id: 'AuthCertificateNotFound',
    text: "The certificate with thumbprint {0} wasn't found in the local computer's Personal certificate store on server {1}. Install the certificate on that server, or run the command on a server that has it.",
    why: 'Set-AuthConfig -NewCertificateThumbprint/-CertificateThumbprint for a certificate the server lacks: the refusal is documented (the certificate must be installed on the server the command runs on), its wording is not',
  },
  {
    id: 'AuthNoNextCertificate',
    text: 'There is no next certificate in the Auth configuration to publish. Set one with Set-AuthConfig -NewCertificateThumbprint first.',
    why: 'Set-AuthConfig -PublishCertificate without a next certificate ("You must have installed a certificate marked as the next certificate", Set-AuthConfig docs); wording unknown',
  },
  {
    id: 'AuthNoNewCertificate',
    text: 'Specify the new certificate with the NewCertificateThumbprint parameter.',
    why: 'Set-AuthConfig -NewCertificateEffectiveDate without -NewCertificateThumbprint while no next certificate is set (e.g. $null from a failed New-ExchangeCertificate); wording unknown',
  },
  {
    id: 'AuthEffectiveDateTooSoon',
    text: 'The effective date {0} of the new certificate is less than 48 hours from now. Servers that have not received the certificate by then cannot use it. Do you want to continue?',
    why: 'Set-AuthConfig -NewCertificateEffectiveDate less than 48 hours ahead asks to continue unless -Force (admins\' notes of the documented renewal: "accept to continue despite the fact that the certificate effective date is not 48 hours into the future"); wording unknown',
  },
  {
    id: 'TlsCertificateNotFound',
    text: "The certificate specified by TlsCertificateName '{0}' wasn't found on server {1}. Install a certificate with that issuer and subject on the server first.",
    why: 'Set-SendConnector/Set-ReceiveConnector -TlsCertificateName naming a certificate a server lacks; wording unknown',
  },
  {
    id: 'TlsCertificateNameFormat',
    text: "The value '{0}' isn't a valid TlsCertificateName. Use the format \"<I>X.500Issuer<S>X.500Subject\".",
    why: 'a TlsCertificateName that is not <I>issuer<S>subject (Exchange refuses it when converting to SmtpX509Identifier); wording unknown',
  },
  {
    id: 'ProtocolSettingsRestart',
    text: 'Changes to {0} settings will only take effect after all Microsoft Exchange {0} services are restarted on server {1}.',
    why: 'the warning Set-PopSettings/Set-ImapSettings write (admins quote it; no Microsoft page found)',
  },
  {
    id: 'ProtocolNotInstalled',
    text: 'The {0} service is not installed on server {1}: it needs the Client Access role (Mailbox on Exchange 2016 and later).',
    why: 'Get-/Set-PopSettings or Get-/Set-ImapSettings -Server naming a server without client access; wording unknown',
  },
  {
    id: 'ConfirmSetObject',
    text: 'Configuring {0} "{1}".',
    why: 'the -WhatIf/-Confirm action text of Set-AuthConfig, Set-SendConnector, Set-ReceiveConnector, Set-PopSettings and Set-ImapSettings; wording unknown',
  },
]);

/**
 * The approximated text `id` with `{n}` replaced by `args[n]`; throws for an unknown id.
 * @example approximated('InvalidKeySize', 512) // 'The key size 512 is not valid. ...'
 */
export function approximated(id: string, ...args: readonly (string | number)[]): string {
  const entry = APPROXIMATED_MESSAGES.find((m) => m.id === id);
  if (!entry) throw new Error(`no approximated message '${id}'`);
  return entry.text.replace(/\{(\d+)\}/g, (_m, n: string) => String(args[Number(n)] ?? ''));
}
