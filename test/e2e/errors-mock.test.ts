// Each ERRORS.md condition has a test: message, category, exit code of `exchcert run` non-zero, state unchanged.
// One base state is prepared once; every case runs its failing runbook with --json on a fresh copy of it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addServer } from '../../src/engine/add-server.js';
import { approximated } from '../../src/engine/approximated-messages.js';
import { setFederationCertificates, setUmStartupMode } from '../../src/engine/org-admin.js';
import { openSqliteStateStore } from '../../src/engine/store/sqlite-state-store.js';
import { createSelfSignedCertificate, generateRsaKeyPair, writePfx } from '../../src/pki/index.js';
import { copyState, exchcert, runJson, snapshotState, snapshotStore, tempDir } from './support/mock-cli.js';
import type { JsonErrorRecord } from './support/mock-cli.js';

const NS = 'Microsoft.Exchange.Management.SystemConfigurationTasks';
const PW = "(ConvertTo-SecureString -String 'Pass1word' -AsPlainText -Force)";
const BAD_PW = "(ConvertTo-SecureString -String 'Wrong-Pass1word' -AsPlainText -Force)";
const NOT_THERE = '0123456789ABCDEF0123456789ABCDEF01234567';
const NON_INTERACTIVE_51 =
  'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.';
const DAY_MS = 86_400_000;

/** Thumbprints of the base state, found once it is built. */
interface Org {
  /** AMS-EXCH01 (2013): "Microsoft Exchange" (default SMTP certificate, key not exportable). */
  amsDefault: string;
  amsWmsvc: string;
  /** Self-signed, Services None, named by the Send connector "Outbound" (TlsCertificateName). */
  amsRelay: string;
  /** Self-signed, Services None, exportable: the candidate for SMTP. */
  amsSmtp2: string;
  /** CA-issued for a request made on RESEXCH01; its .cer alone imported on AMS-EXCH01: no private key. */
  amsNoKey: string;
  /** The placeholder of a pending request on AMS-EXCH01. */
  amsPending: string;
  ex19Wmsvc: string;
  edgeExchange: string;
  /** UM16 (2016, UMStartupMode Dual). */
  umExpired: string;
  umUm: string;
  umUmcr: string;
  umSpare: string;
  umFed: string;
}

const SETUP_ONE = `$r = New-ExchangeCertificate -GenerateRequest -Server RESEXCH01 -SubjectName "CN=mail.contoso.com" -DomainName mail.contoso.com -PrivateKeyExportable $true
Set-Content -Path C:\\install\\res.req -Value $r
$p = New-ExchangeCertificate -GenerateRequest -Server AMS-EXCH01 -SubjectName "CN=pending.contoso.com" -DomainName pending.contoso.com -FriendlyName Pending
$c = New-ExchangeCertificate -Server AMS-EXCH01 -SubjectName "CN=relay.contoso.com" -DomainName relay.contoso.com -PrivateKeyExportable $true -FriendlyName Relay -Services None
$d = New-ExchangeCertificate -Server AMS-EXCH01 -SubjectName "CN=smtp.contoso.com" -DomainName smtp.contoso.com -PrivateKeyExportable $true -FriendlyName Smtp2 -Services None
$w = Get-ExchangeCertificate -Server AMS-EXCH01 | Where-Object { $_.FriendlyName -eq 'WMSVC' }
$b = Export-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint $w.Thumbprint -BinaryEncoded -Password ${PW}
Set-Content -Path C:\\install\\wmsvc.pfx -Value $b.FileData -Encoding Byte
`;

const SETUP_TWO = `$pw = ${PW}
Import-ExchangeCertificate -Server AMS-EXCH01 -FileData ([Byte[]](Get-Content -Path C:\\install\\res.cer -Encoding Byte -ReadCount 0)) | Out-Null
Import-ExchangeCertificate -Server UM16 -FileData ([Byte[]](Get-Content -Path C:\\install\\expired.pfx -Encoding Byte -ReadCount 0)) -Password $pw | Out-Null
$u = New-ExchangeCertificate -Server UM16 -SubjectName "CN=um.contoso.com" -DomainName um.contoso.com -Services None -FriendlyName UM
Enable-ExchangeCertificate -Server UM16 -Thumbprint $u.Thumbprint -Services UM -Force
$cr = New-ExchangeCertificate -Server UM16 -SubjectName "CN=umcr.contoso.com" -DomainName umcr.contoso.com -Services None -FriendlyName UMCR
Enable-ExchangeCertificate -Server UM16 -Thumbprint $cr.Thumbprint -Services UMCallRouter -Force
New-ExchangeCertificate -Server UM16 -SubjectName "CN=spare.contoso.com" -DomainName spare.contoso.com -Services None -FriendlyName Spare | Out-Null
New-ExchangeCertificate -Server UM16 -SubjectName "CN=fed.contoso.com" -DomainName fed.contoso.com -Services None -FriendlyName Fed | Out-Null
`;

// ---- expected error records --------------------------------------------------------------------------------------

/** What a case's one error record must be. */
interface Expected {
  readonly message: string;
  readonly category: string;
  readonly command: string;
  readonly terminating: boolean;
  /** Exact FullyQualifiedErrorId, or a pattern whose group 1 (when present) is the errorId. */
  readonly fqid: string | RegExp;
  /** Exact errorId when fqid is a string. */
  readonly errorId?: string;
  readonly line?: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const className = (cmdlet: string): string => cmdlet.replace('-', '');
const TIMESTAMP = String.raw`\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M`;

/** `[Server=<connected>,RequestId=<guid>,TimeStamp=<local time>] [FailureCategory=Cmdlet-<exception>] <8 hex>,<namespace>.<class>`. */
function exchangeFqid(connected: string, exception: string, cmdlet: string): RegExp {
  return new RegExp(
    `^\\[Server=${escape(connected)},RequestId=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},TimeStamp=${TIMESTAMP}\\] ` +
      `\\[FailureCategory=Cmdlet-${escape(exception)}\\] ([0-9A-F]{8}),${escape(NS)}\\.${className(cmdlet)}$`,
  );
}

/** An error the target server returned over RPC (ERRORS.md §0: prefixed, InvalidOperationException, non-terminating). */
function rpc(cmdlet: string, server: string, text: string, category: string, connected = 'AMS-EXCH01'): Expected {
  return {
    message: `A special Rpc error occurs on server ${server}: ${text}`,
    category,
    command: cmdlet,
    terminating: false,
    fqid: exchangeFqid(connected, 'InvalidOperationException', cmdlet),
  };
}

/** An error the cmdlet writes itself (ERRORS.md §0 review note: no RPC prefix). */
function cmdletSide(
  cmdlet: string,
  text: string,
  category: string,
  exception: string,
  connected = 'AMS-EXCH01',
): Expected {
  return {
    message: text,
    category,
    command: cmdlet,
    terminating: false,
    fqid: exchangeFqid(connected, exception, cmdlet),
  };
}

/** A PowerShell parameter-binding (or helper cmdlet) error: statement-terminating, `<Id>,<Command>`. */
function binder(command: string, errorId: string, text: string, category: string, fqCommand = command): Expected {
  return { message: text, category, command, terminating: true, errorId, fqid: `${errorId},${fqCommand}` };
}

/** A ShouldContinue/ShouldProcess prompt that nobody can answer (non-interactive host): terminating. */
function unanswered(cmdlet: string): Expected {
  return {
    message: NON_INTERACTIVE_51,
    category: 'InvalidOperation',
    command: cmdlet,
    terminating: true,
    errorId: 'InvalidOperation',
    fqid: `InvalidOperation,${NS}.${className(cmdlet)}`,
  };
}

/** One ERRORS.md condition. */
interface ErrorCase {
  readonly name: string;
  readonly script: (o: Org) => string;
  readonly args?: readonly string[];
  /** Changes the copy before the "before" snapshot (e.g. Require SSL off). */
  readonly prepare?: (state: string) => void;
  readonly expected: (o: Org) => Expected;
  /** Further checks of the whole run. */
  readonly also?: (json: ReturnType<typeof runJson>['json']) => void;
  /**
   * The state afterwards is what answering No leaves (rule 46: the server did its part before the question), not
   * the state before.
   */
  readonly sameAsNo?: true;
}

const ams = (cmd: string): string => `${cmd}\n`;

const CASES: readonly ErrorCase[] = [
  // §1 Thumbprint not found
  {
    name: '§1 Get-ExchangeCertificate -Thumbprint not found (NotSpecified)',
    script: () => ams(`Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${NOT_THERE}`),
    expected: () =>
      rpc(
        'Get-ExchangeCertificate',
        'AMS-EXCH01',
        `The certificate with thumbprint ${NOT_THERE} was not found.`,
        'NotSpecified',
      ),
  },
  {
    name: '§1 Remove-ExchangeCertificate not found (ObjectNotFound)',
    script: () => ams(`Remove-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${NOT_THERE} -Confirm:$false`),
    expected: () =>
      rpc(
        'Remove-ExchangeCertificate',
        'AMS-EXCH01',
        `The certificate with thumbprint ${NOT_THERE} was not found.`,
        'ObjectNotFound',
      ),
  },
  {
    name: '§1 Export-ExchangeCertificate not found (ObjectNotFound)',
    script: () =>
      ams(`Export-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${NOT_THERE} -BinaryEncoded -Password ${PW}`),
    expected: () =>
      rpc(
        'Export-ExchangeCertificate',
        'AMS-EXCH01',
        `The certificate with thumbprint ${NOT_THERE} was not found.`,
        'ObjectNotFound',
      ),
  },
  {
    name: '§1 Enable-ExchangeCertificate not found (ObjectNotFound)',
    script: () => ams(`Enable-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${NOT_THERE} -Services IIS`),
    expected: () =>
      rpc(
        'Enable-ExchangeCertificate',
        'AMS-EXCH01',
        `The certificate with thumbprint ${NOT_THERE} was not found.`,
        'ObjectNotFound',
      ),
  },
  {
    name: '§1 not found on another server names that server in the prefix (Get on RESEXCH01)',
    script: (o) => ams(`Get-ExchangeCertificate -Server RESEXCH01 -Thumbprint ${o.amsRelay}`),
    expected: (o) =>
      rpc(
        'Get-ExchangeCertificate',
        'RESEXCH01',
        `The certificate with thumbprint ${o.amsRelay} was not found.`,
        'NotSpecified',
      ),
  },

  // §2 Private key missing
  {
    name: '§2 Enable of the key-less certificate: PrivateKeyMissing',
    script: (o) => ams(`Enable-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsNoKey} -Services IIS`),
    expected: (o) =>
      rpc(
        'Enable-ExchangeCertificate',
        'AMS-EXCH01',
        `The certificate with thumbprint ${o.amsNoKey} was found but is not valid for use with Exchange Server (reason: PrivateKeyMissing).`,
        'NotSpecified',
      ),
  },
  {
    name: '§2 Get -Thumbprint of the key-less certificate: PrivateKeyMissing',
    script: (o) => ams(`Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsNoKey}`),
    expected: (o) =>
      rpc(
        'Get-ExchangeCertificate',
        'AMS-EXCH01',
        `The certificate with thumbprint ${o.amsNoKey} was found but is not valid for use with Exchange Server (reason: PrivateKeyMissing).`,
        'NotSpecified',
      ),
  },
  {
    name: '§2 Remove of the key-less certificate: PrivateKeyMissing',
    script: (o) => ams(`Remove-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsNoKey} -Confirm:$false`),
    expected: (o) =>
      rpc(
        'Remove-ExchangeCertificate',
        'AMS-EXCH01',
        `The certificate with thumbprint ${o.amsNoKey} was found but is not valid for use with Exchange Server (reason: PrivateKeyMissing).`,
        'NotSpecified',
      ),
  },

  // §3 Enabling a pending request
  {
    name: '§3 Enable of a pending request: not found (ObjectNotFound)',
    script: (o) => ams(`Enable-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsPending} -Services IIS`),
    expected: (o) =>
      rpc(
        'Enable-ExchangeCertificate',
        'AMS-EXCH01',
        `The certificate with thumbprint ${o.amsPending} was not found.`,
        'ObjectNotFound',
      ),
  },

  // §4 Export failures
  {
    name: '§4 Export of the default "Microsoft Exchange" certificate: key not exportable',
    script: (o) =>
      ams(`Export-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsDefault} -BinaryEncoded -Password ${PW}`),
    expected: () =>
      rpc(
        'Export-ExchangeCertificate',
        'AMS-EXCH01',
        "The private key couldn't be exported as PKCS-12. It either couldn't be accessed or isn't exportable.",
        'InvalidArgument',
      ),
  },
  {
    name: '§4 Export of a certificate without a private key (approximated)',
    script: (o) =>
      ams(`Export-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsNoKey} -BinaryEncoded -Password ${PW}`),
    expected: () =>
      rpc(
        'Export-ExchangeCertificate',
        'AMS-EXCH01',
        approximated('ExportCertificateAs12WithoutKey'),
        'InvalidArgument',
      ),
  },
  {
    name: '§4 Export without -Password (approximated)',
    script: (o) => ams(`Export-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsWmsvc} -BinaryEncoded`),
    expected: () =>
      rpc(
        'Export-ExchangeCertificate',
        'AMS-EXCH01',
        approximated('ExportWithPrivateKeyRequiresPassword'),
        'InvalidArgument',
      ),
  },
  {
    name: '§4 Export -FileName onto an existing file on 2013 (approximated)',
    script: (o) =>
      ams(
        `Export-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsWmsvc} -FileName C:\\install\\wmsvc.pfx -BinaryEncoded -Password ${PW}`,
      ),
    expected: () =>
      cmdletSide(
        'Export-ExchangeCertificate',
        approximated('CertificateInvalidFileName', 'AMS-EXCH01'),
        'InvalidArgument',
        'ArgumentException',
      ),
  },
  {
    name: '§4 Export -FileName write failure on 2013 (approximated, with the I/O message)',
    script: (o) =>
      ams(
        `Export-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsWmsvc} -FileName C:\\no-such-folder\\sub\\x.pfx -BinaryEncoded -Password ${PW}`,
      ),
    expected: () =>
      cmdletSide(
        'Export-ExchangeCertificate',
        approximated(
          'ExportCertificateFileInvalid',
          "Could not find a part of the path 'C:\\no-such-folder\\sub\\x.pfx'.",
        ),
        'InvalidOperation',
        'InvalidOperationException',
      ),
  },

  // §5 Import failures
  {
    name: '§5 Import with the wrong PFX password (on RESEXCH01)',
    script: () =>
      ams(
        `Import-ExchangeCertificate -Server RESEXCH01 -FileData ([Byte[]](Get-Content -Path C:\\install\\wmsvc.pfx -Encoding Byte -ReadCount 0)) -Password ${BAD_PW}`,
      ),
    expected: () =>
      rpc(
        'Import-ExchangeCertificate',
        'RESEXCH01',
        'The source data cannot be imported or the wrong password was specified.',
        'ReadError',
      ),
  },
  {
    name: '§5 Import of a certificate already in the store',
    script: () =>
      ams(
        `Import-ExchangeCertificate -Server AMS-EXCH01 -FileData ([Byte[]](Get-Content -Path C:\\install\\wmsvc.pfx -Encoding Byte -ReadCount 0)) -Password ${PW}`,
      ),
    expected: (o) =>
      rpc(
        'Import-ExchangeCertificate',
        'AMS-EXCH01',
        `Cannot import certificate. A certificate with the thumbprint ${o.amsWmsvc} already exists.`,
        'WriteError',
      ),
  },
  {
    name: '§5 Import of unreadable data (valid Base64, not a certificate)',
    script: () =>
      ams(
        'Import-ExchangeCertificate -Server AMS-EXCH01 -FileData ([Byte[]](Get-Content -Path C:\\install\\junk.b64 -Encoding Byte -ReadCount 0))',
      ),
    expected: () =>
      rpc(
        'Import-ExchangeCertificate',
        'AMS-EXCH01',
        'The source data cannot be imported or the wrong password was specified.',
        'ReadError',
      ),
  },
  {
    name: '§5 Import of data that is not Base64 (approximated)',
    script: () =>
      ams(
        'Import-ExchangeCertificate -Server AMS-EXCH01 -FileData ([Byte[]](Get-Content -Path C:\\install\\not-base64.txt -Encoding Byte -ReadCount 0))',
      ),
    expected: () =>
      rpc('Import-ExchangeCertificate', 'AMS-EXCH01', approximated('ImportCertificateBase64DataInvalid'), 'ReadError'),
  },
  {
    name: '§5 Import of white space only (empty after header stripping; cmdlet-side ReadError)',
    script: () => ams('Import-ExchangeCertificate -Server AMS-EXCH01 -FileData ([Byte[]](32,13,10,32))'),
    expected: () =>
      cmdletSide(
        'Import-ExchangeCertificate',
        approximated('ImportCertificateDataInvalid'),
        'ReadError',
        'ImportCertificateDataInvalidException',
      ),
  },
  {
    name: '§5 Import of an empty -FileData array (binder refuses it)',
    script: () => ams('Import-ExchangeCertificate -Server AMS-EXCH01 -FileData ([Byte[]]@())'),
    expected: () =>
      binder(
        'Import-ExchangeCertificate',
        'ParameterArgumentValidationErrorEmptyArrayNotAllowed',
        "Cannot bind argument to parameter 'FileData' because it is an empty array.",
        'InvalidData',
      ),
  },
  {
    name: '§5 Import with no data at all (the binder asks for the mandatory -FileData first; non-interactive)',
    script: () => ams('Import-ExchangeCertificate -Server AMS-EXCH01'),
    expected: () =>
      binder(
        'Import-ExchangeCertificate',
        'MissingMandatoryParameter',
        'Cannot process command because of one or more missing mandatory parameters: FileData.',
        'InvalidArgument',
      ),
  },
  {
    name: '§5 Import -FileName that cannot be read on 2013 (approximated, with the I/O message)',
    script: () => ams('Import-ExchangeCertificate -Server AMS-EXCH01 -FileName C:\\install\\missing.pfx'),
    expected: () =>
      cmdletSide(
        'Import-ExchangeCertificate',
        approximated(
          'ImportCertificateFileInvalid',
          'AMS-EXCH01',
          "Cannot find path 'C:\\install\\missing.pfx' because it does not exist.",
        ),
        'InvalidOperation',
        'InvalidOperationException',
      ),
  },

  // §6 Prompts nobody answers
  {
    name: '§6.1 SMTP overwrite prompt with nobody to answer: non-interactive, terminating',
    script: (o) => ams(`Enable-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsSmtp2} -Services SMTP`),
    expected: () => unanswered('Enable-ExchangeCertificate'),
    sameAsNo: true,
  },
  {
    name: '§6.1 -Confirm:$false does not suppress the SMTP overwrite prompt',
    script: (o) =>
      ams(`Enable-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsSmtp2} -Services SMTP -Confirm:$false`),
    expected: () => unanswered('Enable-ExchangeCertificate'),
    sameAsNo: true,
  },
  {
    name: '§6.2 Remove confirmation with nobody to answer',
    script: (o) => ams(`Remove-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsWmsvc}`),
    expected: () => unanswered('Remove-ExchangeCertificate'),
  },
  {
    name: '§6.3 IIS Require SSL question (Require SSL off) with nobody to answer',
    script: (o) => ams(`Enable-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsWmsvc} -Services IIS`),
    prepare: (state) =>
      expect(exchcert(['mock', 'set-require-ssl', 'AMS-EXCH01', 'off', '--state', state])).toMatchObject({
        code: 0,
        err: '',
      }),
    expected: () => unanswered('Enable-ExchangeCertificate'),
  },
  {
    name: '§6.3 UM question (no -Force) with nobody to answer',
    script: (o) => ams(`Enable-ExchangeCertificate -Server UM16 -Thumbprint ${o.umSpare} -Services UM`),
    args: ['--connect', 'UM16'],
    expected: () => unanswered('Enable-ExchangeCertificate'),
  },

  // §8 Remove blocked
  {
    name: '§8 Remove blocked by a Send connector whose TlsCertificateName names the certificate',
    script: (o) => ams(`Remove-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsRelay} -Confirm:$false`),
    expected: () =>
      rpc(
        'Remove-ExchangeCertificate',
        'AMS-EXCH01',
        'These certificates are tagged with following Send Connectors : Outbound. Removing and replacing certificates from Send Connector would break the mail flow. If you still want to proceed then replace or remove these certificates from Send Connector and then try this command.',
        'InvalidArgument',
      ),
  },
  {
    name: '§8 Remove of the default SMTP certificate (approximated)',
    script: (o) => ams(`Remove-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsDefault} -Confirm:$false`),
    expected: () =>
      rpc(
        'Remove-ExchangeCertificate',
        'AMS-EXCH01',
        approximated('CannotRemoveInternalTransportCertificate'),
        'InvalidArgument',
      ),
  },
  {
    name: '§8 Remove of the UM certificate (approximated)',
    script: (o) => ams(`Remove-ExchangeCertificate -Server UM16 -Thumbprint ${o.umUm} -Confirm:$false`),
    args: ['--connect', 'UM16'],
    expected: () =>
      rpc('Remove-ExchangeCertificate', 'UM16', approximated('CannotRemoveUMCertificate'), 'InvalidArgument', 'UM16'),
  },
  {
    name: '§8 Remove of the UM Call Router certificate (approximated)',
    script: (o) => ams(`Remove-ExchangeCertificate -Server UM16 -Thumbprint ${o.umUmcr} -Confirm:$false`),
    args: ['--connect', 'UM16'],
    expected: () =>
      rpc('Remove-ExchangeCertificate', 'UM16', approximated('CannotRemoveUMCRCertificate'), 'InvalidArgument', 'UM16'),
  },
  {
    name: '§8 Remove of a federation trust certificate (approximated)',
    script: (o) => ams(`Remove-ExchangeCertificate -Server UM16 -Thumbprint ${o.umFed} -Confirm:$false`),
    args: ['--connect', 'UM16'],
    expected: () =>
      rpc('Remove-ExchangeCertificate', 'UM16', approximated('RemoveCertificateFederation'), 'InvalidArgument', 'UM16'),
  },

  // §9 Enable rejected for the service
  {
    name: '§9 Enable -Services Federation (approximated)',
    script: (o) => ams(`Enable-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsWmsvc} -Services Federation`),
    expected: () =>
      rpc('Enable-ExchangeCertificate', 'AMS-EXCH01', approximated('EnableCertificateFederation'), 'InvalidArgument'),
  },
  {
    name: '§9 UM on an Exchange 2019 server (role not installed, approximated)',
    script: (o) => ams(`Enable-ExchangeCertificate -Server EXCH19 -Thumbprint ${o.ex19Wmsvc} -Services UM`),
    args: ['--connect', 'EXCH19'],
    expected: () =>
      rpc(
        'Enable-ExchangeCertificate',
        'EXCH19',
        approximated('EnableCertificateServiceNotInstalled'),
        'InvalidArgument',
        'EXCH19',
      ),
  },
  {
    name: '§9 POP on an Edge Transport server (no Client Access, approximated)',
    script: (o) => ams(`Enable-ExchangeCertificate -Server EDGE01 -Thumbprint ${o.edgeExchange} -Services POP`),
    args: ['--connect', 'EDGE01'],
    expected: () =>
      rpc(
        'Enable-ExchangeCertificate',
        'EDGE01',
        approximated('EnableCertificateServiceNotInstalled'),
        'InvalidArgument',
        'EDGE01',
      ),
  },
  {
    name: '§9 IIS on an Edge Transport server: IIS not installed (approximated)',
    script: (o) => ams(`Enable-ExchangeCertificate -Server EDGE01 -Thumbprint ${o.edgeExchange} -Services IIS`),
    args: ['--connect', 'EDGE01'],
    expected: () =>
      rpc('Enable-ExchangeCertificate', 'EDGE01', approximated('IISNotInstalled'), 'InvalidArgument', 'EDGE01'),
  },
  {
    name: '§9 UM while UMStartupMode is TCP (approximated)',
    script: (o) => ams(`Enable-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsWmsvc} -Services UM -Force`),
    expected: (o) =>
      rpc(
        'Enable-ExchangeCertificate',
        'AMS-EXCH01',
        approximated('CannotAssignCertificateToUM', o.amsWmsvc),
        'NotSpecified',
      ),
  },
  {
    name: '§9 UM with an expired certificate (approximated)',
    script: (o) => ams(`Enable-ExchangeCertificate -Server UM16 -Thumbprint ${o.umExpired} -Services UM -Force`),
    args: ['--connect', 'UM16'],
    expected: (o) =>
      rpc(
        'Enable-ExchangeCertificate',
        'UM16',
        approximated('CertificateExpired', o.umExpired),
        'NotSpecified',
        'UM16',
      ),
  },
  {
    name: '§9 Network Service access for a certificate without a key (-NetworkServiceAllowed, approximated)',
    script: (o) =>
      ams(
        `Enable-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsNoKey} -Services IIS -NetworkServiceAllowed`,
      ),
    expected: (o) =>
      rpc(
        'Enable-ExchangeCertificate',
        'AMS-EXCH01',
        approximated('AddAccessRuleArgument', o.amsNoKey),
        'NotSpecified',
      ),
  },

  // §11 Generic failures (the mock's stand-in: an unknown -Server)
  {
    name: '§11 unknown -Server (approximated ManagementObjectNotFound wording)',
    script: () => ams('Get-ExchangeCertificate -Server NOPE-EXCH99'),
    expected: () =>
      cmdletSide(
        'Get-ExchangeCertificate',
        approximated('ServerNotFound', 'NOPE-EXCH99', 'DC01.labs.local'),
        'NotSpecified',
        'ManagementObjectNotFoundException',
      ),
  },

  // §12 Parameter binding
  {
    name: '§12 -FileName on Exchange 2019 CU14: NamedParameterNotFound',
    script: (o) =>
      ams(
        `Export-ExchangeCertificate -Server EXCH19 -Thumbprint ${o.ex19Wmsvc} -FileName C:\\install\\x.pfx -BinaryEncoded -Password ${PW}`,
      ),
    args: ['--connect', 'EXCH19'],
    expected: () =>
      binder(
        'Export-ExchangeCertificate',
        'NamedParameterNotFound',
        "A parameter cannot be found that matches parameter name 'FileName'.",
        'InvalidArgument',
      ),
  },
  {
    name: '§12 -RequestFile on Exchange 2019 CU14: NamedParameterNotFound',
    script: () =>
      ams(
        'New-ExchangeCertificate -Server EXCH19 -GenerateRequest -SubjectName "CN=a.contoso.com" -RequestFile C:\\install\\a.req',
      ),
    args: ['--connect', 'EXCH19'],
    expected: () =>
      binder(
        'New-ExchangeCertificate',
        'NamedParameterNotFound',
        "A parameter cannot be found that matches parameter name 'RequestFile'.",
        'InvalidArgument',
      ),
  },
  {
    name: '§12 -Services with -GenerateRequest: AmbiguousParameterSet (5.1)',
    script: () =>
      ams('New-ExchangeCertificate -Server AMS-EXCH01 -GenerateRequest -SubjectName "CN=a.contoso.com" -Services SMTP'),
    expected: () =>
      binder(
        'New-ExchangeCertificate',
        'AmbiguousParameterSet',
        'Parameter set cannot be resolved using the specified named parameters.',
        'InvalidArgument',
      ),
  },
  {
    name: '§12 -Services with -GenerateRequest: AmbiguousParameterSet (7 appends its sentence)',
    script: () =>
      ams('New-ExchangeCertificate -Server AMS-EXCH01 -GenerateRequest -SubjectName "CN=a.contoso.com" -Services SMTP'),
    args: ['--shell', '7'],
    expected: () =>
      binder(
        'New-ExchangeCertificate',
        'AmbiguousParameterSet',
        'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.',
        'InvalidArgument',
      ),
  },
  {
    name: '§12 -Identity with -Server: AmbiguousParameterSet',
    script: (o) => ams(`Get-ExchangeCertificate -Server AMS-EXCH01 -Identity 'AMS-EXCH01\\${o.amsWmsvc}'`),
    expected: () =>
      binder(
        'Get-ExchangeCertificate',
        'AmbiguousParameterSet',
        'Parameter set cannot be resolved using the specified named parameters.',
        'InvalidArgument',
      ),
  },
  {
    name: '§12 -BinaryEncoded on New without -GenerateRequest (approximated)',
    script: () => ams('New-ExchangeCertificate -Server AMS-EXCH01 -SubjectName "CN=a.contoso.com" -BinaryEncoded'),
    expected: () =>
      cmdletSide(
        'New-ExchangeCertificate',
        approximated('CertificateRequestMissingForArgument', 'AMS-EXCH01'),
        'InvalidArgument',
        'ArgumentException',
      ),
  },
  {
    name: '§12 -RequestFile without -GenerateRequest on 2013 (approximated)',
    script: () =>
      ams('New-ExchangeCertificate -Server AMS-EXCH01 -SubjectName "CN=a.contoso.com" -RequestFile C:\\install\\a.req'),
    expected: () =>
      cmdletSide(
        'New-ExchangeCertificate',
        approximated('CertificateRequestMissingGenerateRequest', 'AMS-EXCH01'),
        'InvalidArgument',
        'ArgumentException',
      ),
  },

  // §13 Helper commands
  {
    name: '§13 Get-Content -Encoding Byte under PowerShell 7',
    script: () => ams('$b = Get-Content C:\\install\\res.req -Encoding Byte -ReadCount 0'),
    args: ['--shell', '7'],
    expected: () =>
      binder(
        'Get-Content',
        'ParameterArgumentTransformationError',
        "Cannot process argument transformation on parameter 'Encoding'. 'Byte' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')",
        'InvalidArgument',
      ),
  },
  {
    name: '§13 Get-Content -AsByteStream under Windows PowerShell 5.1',
    script: () => ams('$b = Get-Content C:\\install\\res.req -AsByteStream -ReadCount 0'),
    args: ['--shell', '5.1'],
    expected: () =>
      binder(
        'Get-Content',
        'NamedParameterNotFound',
        "A parameter cannot be found that matches parameter name 'AsByteStream'.",
        'InvalidArgument',
      ),
  },
  {
    name: '§13 ConvertTo-SecureString -AsPlainText without -Force under 5.1',
    script: () => ams("$p = ConvertTo-SecureString -String 'Pass1word' -AsPlainText"),
    args: ['--shell', '5.1'],
    expected: () =>
      binder(
        'ConvertTo-SecureString',
        'ImportSecureString_InvalidArgument',
        'The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.',
        'InvalidArgument',
        'Microsoft.PowerShell.Commands.ConvertToSecureStringCommand',
      ),
  },

  // §0 -ErrorAction Stop makes the RPC error terminating: the later statements do not run.
  {
    name: '§0 -ErrorAction Stop: the error terminates the script, later statements (a Remove) do not run',
    script: (o) =>
      `Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${NOT_THERE} -ErrorAction Stop\nWrite-Host 'AFTER'\nRemove-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${o.amsWmsvc} -Confirm:$false\n`,
    expected: () => ({
      ...rpc(
        'Get-ExchangeCertificate',
        'AMS-EXCH01',
        `The certificate with thumbprint ${NOT_THERE} was not found.`,
        'NotSpecified',
      ),
      terminating: true,
    }),
    also: (json) => expect(json.statements.map((s) => s.line)).toEqual([1]),
  },
];

// ---- the base state --------------------------------------------------------------------------------------------

const work = tempDir('exchcert-errors-');
const base = join(work, 'base');
const install = join(base, 'fs', 'C', 'install');
const org = {} as Org;
const made: string[] = [];

function must(r: { code: number | null; out: string; err: string }, what: string): string {
  if (r.code !== 0 || r.err !== '') throw new Error(`${what} failed (exit ${r.code}): ${r.out}\n${r.err}`);
  return r.out;
}

beforeAll(async () => {
  mkdirSync(install, { recursive: true }); // the admin's C:\install
  writeFileSync(join(install, 'junk.b64'), 'QUJDREVGR0hJSktMTU5PUA=='); // Base64 of "ABCDEFGHIJKLMNOP": not a certificate
  writeFileSync(join(install, 'not-base64.txt'), 'this is not a certificate!');
  // An expired certificate with its key, for UM (§9).
  const key = await generateRsaKeyPair(2048);
  const now = Date.now();
  const expired = await createSelfSignedCertificate({
    key,
    subject: 'CN=expired.contoso.com',
    dnsNames: ['expired.contoso.com'],
    notBefore: new Date(now - 800 * DAY_MS),
    notAfter: new Date(now - 30 * DAY_MS),
  });
  writeFileSync(join(install, 'expired.pfx'), writePfx({ key, certificate: expired.der, password: 'Pass1word' }));
  org.umExpired = expired.thumbprint;

  // The first run creates the organization (AMS-EXCH01 2013, RESEXCH01 2010).
  must(exchcert(['run', '-', '--state', base], SETUP_ONE), 'setup run one');
  const issued = must(
    exchcert(['ca', 'issue', 'C:\\install\\res.req', '--out', 'C:\\install\\res.cer', '--state', base]),
    'ca issue',
  );
  org.amsNoKey = /thumbprint ([0-9A-F]{40})/.exec(issued)![1]!;
  must(exchcert(['mock', 'add-server', 'EXCH19', '--exchange', '2019-CU14', '--state', base]), 'add-server EXCH19');
  must(exchcert(['mock', 'add-server', 'UM16', '--exchange', '2016-CU23', '--state', base]), 'add-server UM16');
  must(
    exchcert([
      'mock',
      'set-send-connector',
      'Outbound',
      '--tls-certificate-name',
      '<I>CN=relay.contoso.com<S>CN=relay.contoso.com',
      '--state',
      base,
    ]),
    'set-send-connector',
  );
  // What the CLI cannot set up: an Edge Transport server, UMStartupMode Dual on UM16.
  let store = openSqliteStateStore(base);
  try {
    await addServer(store, { name: 'EDGE01', exchange: '2019-CU14', roles: ['Edge'] }, new Date());
    setUmStartupMode(store, 'UM16', 'Dual');
  } finally {
    store.close();
  }
  must(exchcert(['run', '-', '--state', base], SETUP_TWO), 'setup run two');

  store = openSqliteStateStore(base);
  try {
    const byName = (server: string, friendlyName: string): string => {
      const found = store.read((tx) => tx.listCertificates(server)).filter((c) => c.friendlyName === friendlyName);
      if (found.length !== 1) throw new Error(`${server} has ${found.length} certificates named '${friendlyName}'`);
      return found[0]!.thumbprint;
    };
    org.amsDefault = store.read((tx) => tx.getServerConfig('AMS-EXCH01').transportCertificate)!;
    org.amsWmsvc = byName('AMS-EXCH01', 'WMSVC');
    org.amsRelay = byName('AMS-EXCH01', 'Relay');
    org.amsSmtp2 = byName('AMS-EXCH01', 'Smtp2');
    org.amsPending = store.read((tx) => tx.listRequests('AMS-EXCH01'))[0]!.thumbprint;
    org.ex19Wmsvc = byName('EXCH19', 'WMSVC-SHA2');
    org.edgeExchange = byName('EDGE01', 'Microsoft Exchange');
    org.umUm = byName('UM16', 'UM');
    org.umUmcr = byName('UM16', 'UMCR');
    org.umSpare = byName('UM16', 'Spare');
    org.umFed = byName('UM16', 'Fed');
    setFederationCertificates(store, [org.umFed]);
    // The base state is what the cases assume.
    const amsCerts = store.read((tx) => tx.listCertificates('AMS-EXCH01'));
    expect(amsCerts.find((c) => c.thumbprint === org.amsNoKey)).toMatchObject({ privateKey: null });
    expect(amsCerts.find((c) => c.thumbprint === org.amsDefault)).toMatchObject({
      exportable: false,
      friendlyName: 'Microsoft Exchange',
    });
    expect(store.read((tx) => tx.listRequests('AMS-EXCH01'))).toHaveLength(1);
    expect(store.read((tx) => tx.getServerConfig('UM16'))).toMatchObject({
      umCertificate: org.umUm,
      umCallRouterCertificate: org.umUmcr,
      umStartupMode: 'Dual',
    });
  } finally {
    store.close();
  }
}, 120_000);

afterAll(() => {
  for (const dir of made) rmSync(dirname(dir), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** A fresh copy of the base state (removed after all tests). */
function freshCopy(): string {
  const dir = copyState(base);
  made.push(dir);
  return dir;
}

function expectRecord(actual: JsonErrorRecord, e: Expected): void {
  expect({
    message: actual.message,
    category: actual.category,
    command: actual.command,
    terminating: actual.terminating,
  }).toEqual({ message: e.message, category: e.category, command: e.command, terminating: e.terminating });
  if (typeof e.fqid === 'string') {
    expect(actual.fullyQualifiedErrorId).toBe(e.fqid);
    expect(actual.errorId).toBe(e.errorId);
  } else {
    expect(actual.fullyQualifiedErrorId).toMatch(e.fqid);
    expect(actual.errorId).toBe(e.fqid.exec(actual.fullyQualifiedErrorId)![1]);
  }
  expect(actual.line).toBe(e.line ?? 1);
  expect(actual.column).toBeGreaterThanOrEqual(1);
}

describe('ERRORS.md conditions through `exchcert run --json` on the mock', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const state = freshCopy();
      c.prepare?.(state);
      const before = snapshotState(state);
      const r = runJson(state, c.script(org), c.args ?? []);
      expect(r.err).toBe('');
      expect(r.code).toBe(1);
      expect(r.json.ok).toBe(false);
      expect(r.json.errors).toHaveLength(1);
      expectRecord(r.json.errors[0]!, c.expected(org));
      // The record is also on its statement.
      const statement = r.json.statements.find((s) => s.line === r.json.errors[0]!.line)!;
      expect(statement.errors).toEqual(r.json.errors);
      c.also?.(r.json);
      if (c.sameAsNo) {
        const no = freshCopy();
        c.prepare?.(no);
        expect(runJson(no, c.script(org), [...(c.args ?? []), '--answer', 'N']).json.errors).toEqual([]);
        expect(snapshotState(state)).not.toEqual(before);
        expect(snapshotState(state)).toEqual(snapshotState(no));
      } else expect(snapshotState(state)).toEqual(before);
    });
  }

  it('§0 without -ErrorAction Stop the same error is non-terminating: the script goes on (contrast)', () => {
    const state = freshCopy();
    const r = runJson(
      state,
      `Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${NOT_THERE}\nRemove-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${org.amsWmsvc} -Confirm:$false\n`,
    );
    expect(r.code).toBe(1);
    expect(r.json.statements.map((s) => s.line)).toEqual([1, 2]);
    expect(r.json.errors).toHaveLength(1);
    expect(r.json.errors[0]).toMatchObject({ terminating: false, line: 1 });
    const snap = snapshotStore(state) as { perServer: Record<string, { certificates: { thumbprint: string }[] }> };
    expect(snap.perServer['AMS-EXCH01']!.certificates.map((c) => c.thumbprint)).not.toContain(org.amsWmsvc);
  });

  describe('§6.1 the SMTP overwrite prompt answered (contrast cases; state may change)', () => {
    const enable = (): string =>
      `Enable-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${org.amsSmtp2} -Services SMTP\n`;
    const transport = (state: string): string | null => {
      const store = openSqliteStateStore(state);
      try {
        return store.read((tx) => tx.getServerConfig('AMS-EXCH01').transportCertificate);
      } finally {
        store.close();
      }
    };

    it('--answer N keeps the old default SMTP certificate and exits 0', () => {
      const state = freshCopy();
      const r = runJson(state, enable(), ['--answer', 'N']);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.json.ok).toBe(true);
      expect(r.json.errors).toEqual([]);
      expect(transport(state)).toBe(org.amsDefault);
    });

    it('--answer Y replaces the default SMTP certificate and exits 0', () => {
      const state = freshCopy();
      const r = runJson(state, enable(), ['--answer', 'Y']);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.json.errors).toEqual([]);
      expect(transport(state)).toBe(org.amsSmtp2);
    });
  });

  describe('§6.2 the Remove confirmation answered (contrast cases)', () => {
    const remove = (): string => `Remove-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${org.amsWmsvc}\n`;

    it('--answer N removes nothing and exits 0', () => {
      const state = freshCopy();
      const before = snapshotState(state);
      const r = runJson(state, remove(), ['--answer', 'N']);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.json.errors).toEqual([]);
      expect(snapshotState(state)).toEqual(before);
    });

    it('--answer Y removes the certificate and exits 0', () => {
      const state = freshCopy();
      const r = runJson(state, remove(), ['--answer', 'Y']);
      expect(r).toMatchObject({ code: 0, err: '' });
      const snap = snapshotStore(state) as { perServer: Record<string, { certificates: { thumbprint: string }[] }> };
      expect(snap.perServer['AMS-EXCH01']!.certificates.map((c) => c.thumbprint)).not.toContain(org.amsWmsvc);
    });
  });
});
