// Import-ExchangeCertificate (rules 59-69, 104): completes a pending request, or installs a PFX / certificate / PKCS#7.
import {
  PkiError,
  SOURCE_DATA_CANNOT_BE_IMPORTED,
  decodeCertificateData,
  decodeCertificateText,
  pickEndEntityCertificate,
  readPfx,
} from '../pki/index.js';
import type { DecodedCertificateData, PfxContents } from '../pki/index.js';
import { pfxEncryption } from '../pki/pfx-encryption.js';
import { acceptsAesPfx } from '../spec/windows-server.js';
import type { ExchangeCertificate } from '../spec/output/exchange-certificate.js';
import type { CallContext } from './call-context.js';
import { approximated } from './approximated-messages.js';
import { certificateInfo } from './certificate-cache.js';
import { installedCertificateView } from './certificate-view.js';
import { CmdletFailure } from './cmdlet-failure.js';
import { prepareServerTarget } from './cmdlet-runner.js';
import { findInstalled } from './enable-certificate-rpc.js';
import { EXCHANGE_MESSAGES } from './exchange-messages.js';
import { serverWindows } from './org-state.js';
import type { CertificateRecord, ServerRecord, StateTransaction } from './org-state.js';
import { shouldProcess } from './prompts.js';
import { installCertificate } from './install-certificate.js';
import { findServer } from './server-lookup.js';
import { addServerIntermediates } from './trust-store.js';

/** The data as the cmdlet turns -FileData / -Instance / -FileName into the text it sends (rule 59). */
function readImportData(ctx: CallContext, server: ServerRecord): DecodedCertificateData {
  const p = ctx.params;
  const fileData = p.bytes('fileData');
  if (fileData) return decodeCertificateData(fileData);
  const instance = p.strings('instance');
  if (instance) return decodeCertificateText(instance);
  const fileName = p.string('fileName') ?? '';
  let bytes: Uint8Array;
  try {
    bytes = ctx.env.fs.readFile(fileName);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw CmdletFailure.cmdlet(
      approximated('ImportCertificateFileInvalid', server.name, why),
      'InvalidOperation',
      'InvalidOperationException',
    );
  }
  return decodeCertificateData(bytes);
}

const dataInvalid = (server: string): CmdletFailure =>
  CmdletFailure.server(server, EXCHANGE_MESSAGES.importDataInvalid, 'ReadError');

/** CertEnroll's InstallResponse: a certificate in the data whose key matches a pending request on this server (rule 62). */
function completeRequest(
  tx: StateTransaction,
  server: ServerRecord,
  decoded: DecodedCertificateData,
  friendlyName: string | undefined,
  now: Date,
): CertificateRecord | undefined {
  if (decoded.kind !== 'certificate' && decoded.kind !== 'pkcs7') return undefined;
  for (const der of decoded.certificates) {
    const leaf = certificateInfo(der);
    const request = tx
      .listRequests(server.name)
      .find((r) => Buffer.from(certificateInfo(r.placeholder).publicKey).equals(Buffer.from(leaf.publicKey)));
    if (!request || findInstalled(tx, server.name, leaf.thumbprint)) continue;
    const record: CertificateRecord = {
      server: server.name,
      thumbprint: leaf.thumbprint,
      der: new Uint8Array(der),
      privateKey: request.privateKey,
      exportable: request.exportable,
      friendlyName: friendlyName !== undefined && friendlyName !== '' ? friendlyName : request.friendlyName,
      rootCaType: null,
      createdAt: now.toISOString(),
    };
    tx.deleteRequest(server.name, request.thumbprint);
    const others = decoded.certificates.filter((c) => c !== der);
    if (others.length > 0) addServerIntermediates(tx, server.name, others);
    return installCertificate(tx, record, now);
  }
  return undefined;
}

/** The certificate and key X509Certificate2Collection.Import + FindImportedCertificate yield (rules 64, 65, 67). */
function loadCertificate(
  server: string,
  decoded: DecodedCertificateData,
  pfx: PfxContents | PkiError | undefined,
): { der: Uint8Array; key: Uint8Array | null; friendlyName: string } {
  if (decoded.kind === 'pfx') {
    if (pfx === undefined || pfx instanceof PkiError) throw dataInvalid(server);
    return {
      der: pfx.endEntity,
      key: pfx.hasPrivateKey && pfx.privateKey ? pfx.privateKey : null,
      friendlyName: pfx.friendlyName ?? '',
    };
  }
  if (decoded.kind === 'certificate' || decoded.kind === 'pkcs7') {
    try {
      return {
        der: decoded.certificates[pickEndEntityCertificate(decoded.certificates)]!,
        key: null,
        friendlyName: '',
      };
    } catch {
      throw dataInvalid(server);
    }
  }
  throw dataInvalid(server);
}

/**
 * The PFX as the server's Windows reads it: Windows Server 2016 and older cannot decrypt AES (PBES2) files and fail as
 * for a wrong password (ERRORS.md §5).
 */
function loadPfx(ctx: CallContext, server: ServerRecord, bytes: Uint8Array): PfxContents | PkiError {
  const windows = ctx.env.store.read((tx) => serverWindows(server, tx.getServerConfig(server.name)));
  if (!acceptsAesPfx(windows) && pfxEncryption(bytes) === 'aes')
    return new PkiError('UNREADABLE_DATA', SOURCE_DATA_CANNOT_BE_IMPORTED);
  try {
    return readPfx(bytes, ctx.params.password('password'));
  } catch (error) {
    if (!(error instanceof PkiError)) throw error;
    return error;
  }
}

/** Import-ExchangeCertificate: writes the installed certificate object, or one error. */
export function mockImportExchangeCertificate(ctx: CallContext): void {
  const p = ctx.params;
  const server = ctx.env.store.read((tx) => prepareServerTarget(ctx, tx));
  if (!p.bytes('fileData') && !p.strings('instance') && (p.string('fileName') ?? '') === '') {
    throw CmdletFailure.cmdlet(approximated('ImportCertificateDataIsNull', server.name), 'InvalidArgument');
  }
  if (!shouldProcess(ctx, approximated('ConfirmImportExchangeCertificateDirect'))) return;
  const decoded = readImportData(ctx, server);
  if (decoded.reason === 'empty') {
    throw CmdletFailure.cmdlet(
      approximated('ImportCertificateDataInvalid'),
      'ReadError',
      'ImportCertificateDataInvalidException',
    );
  }
  const pfx = decoded.kind === 'pfx' && decoded.bytes ? loadPfx(ctx, server, decoded.bytes) : undefined;
  const friendlyName = p.string('friendlyName');
  const view = ctx.env.store.write((tx): ExchangeCertificate => {
    const target = findServer(tx, server.name) ?? server;
    const now = ctx.now(tx);
    const completed = completeRequest(tx, target, decoded, friendlyName, now);
    if (completed) return installedCertificateView(tx, target, completed, now);
    // Convert.FromBase64String accepts white space only (giving no bytes); the load then fails instead.
    if (decoded.reason === 'invalid-base64' && decoded.text.trim() !== '')
      throw CmdletFailure.server(target.name, approximated('ImportCertificateBase64DataInvalid'), 'ReadError');
    const loaded = loadCertificate(target.name, decoded, pfx);
    const thumbprint = certificateInfo(loaded.der).thumbprint;
    if (findInstalled(tx, target.name, thumbprint))
      throw CmdletFailure.server(target.name, EXCHANGE_MESSAGES.importAlreadyExists(thumbprint), 'WriteError');
    const record: CertificateRecord = {
      server: target.name,
      thumbprint,
      der: new Uint8Array(loaded.der),
      privateKey: loaded.key,
      exportable: loaded.key !== null && p.bool('privateKeyExportable') === true,
      friendlyName: friendlyName !== undefined && friendlyName !== '' ? friendlyName : loaded.friendlyName,
      rootCaType: null,
      createdAt: now.toISOString(),
    };
    return installedCertificateView(tx, target, installCertificate(tx, record, now), now);
  });
  ctx.output.push(view);
}
