// The texts Exchange writes whose wording is known from real captures (ERRORS.md), plus PowerShell's own.
import { SOURCE_DATA_CANNOT_BE_IMPORTED } from '../pki/index.js';
import type { ShellVersion } from '../spec/shell-version.js';

const CRLF = '\r\n';

/** Exactly worded messages (ERRORS.md, high confidence). */
export const EXCHANGE_MESSAGES = Object.freeze({
  /** §0: the prefix of every error the target server returns over RPC. */
  rpcPrefix: (server: string): string => `A special Rpc error occurs on server ${server}: `,
  /** §1. */
  certificateNotFound: (thumbprint: string): string => `The certificate with thumbprint ${thumbprint} was not found.`,
  /** §2. */
  certificateNotValid: (thumbprint: string, reason: string): string =>
    `The certificate with thumbprint ${thumbprint} was found but is not valid for use with Exchange Server (reason: ${reason}).`,
  /** §4. */
  keyNotExportable:
    "The private key couldn't be exported as PKCS-12. It either couldn't be accessed or isn't exportable.",
  /** §5: wrong password or unreadable data. */
  importDataInvalid: SOURCE_DATA_CANNOT_BE_IMPORTED,
  /** §5. */
  importAlreadyExists: (thumbprint: string): string =>
    `Cannot import certificate. A certificate with the thumbprint ${thumbprint} already exists.`,
  /** §8 (note the space before the colon). */
  sendConnectorCertificate: (connectors: string): string =>
    `These certificates are tagged with following Send Connectors : ${connectors}. Removing and replacing certificates from Send Connector would break the mail flow. If you still want to proceed then replace or remove these certificates from Send Connector and then try this command.`,
  /** §6.1: the ShouldContinue question (dates are the NotAfter values, en-US). */
  overwriteSmtp: (oldThumbprint: string, oldExpires: string, newThumbprint: string, newExpires: string): string =>
    `Overwrite the existing default SMTP certificate?${CRLF}${CRLF}Current certificate: '${oldThumbprint}' (expires ${oldExpires})${CRLF}Replace it with certificate: '${newThumbprint}' (expires ${newExpires})`,
  /** §7: wildcard certificate enabled for POP/IMAP ("cannot used" is Exchange's grammar). */
  wildcardPopImap: (thumbprint: string, name: string, protocol: 'POP' | 'IMAP'): string =>
    `This certificate with thumbprint ${thumbprint} and subject '${name}' cannot used for ${protocol} SSL/TLS connections because the subject is not a Fully Qualified Domain Name (FQDN). Use command Set-${protocol}Settings to set X509CertificateName to the FQDN of the service.`,
});

/**
 * PowerShell's message when a prompt cannot be shown (-NonInteractive host): Windows PowerShell words it with "Windows".
 * @example nonInteractiveMessage('7') // 'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.'
 */
export function nonInteractiveMessage(shell: ShellVersion): string {
  return `${shell === '7' ? '' : 'Windows '}PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.`;
}

/** PowerShell's ShouldProcess question text before the action description. */
export const SHOULD_PROCESS_QUERY = 'Are you sure you want to perform this action?';
