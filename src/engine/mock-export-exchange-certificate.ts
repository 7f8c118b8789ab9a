// Export-ExchangeCertificate (rules 82-89, 111): a certificate as a 3DES PFX, or a pending request as PKCS#10.
import { formatExchangeRequestText, writePfx } from '../pki/index.js';
import type { CallContext } from './call-context.js';
import { approximated } from './approximated-messages.js';
import { CmdletFailure } from './cmdlet-failure.js';
import { prepareCertificateTarget } from './cmdlet-runner.js';
import { findInstalled } from './enable-certificate-rpc.js';
import { EXCHANGE_MESSAGES } from './exchange-messages.js';
import { shouldProcess } from './prompts.js';
import { fileExists, withCertificateExtension, writeServerFile } from './server-files.js';
import { sameThumbprint } from './thumbprint-format.js';

/** What the server returns: bytes for -BinaryEncoded, and the text form otherwise. */
interface ExportResult {
  readonly bytes: Uint8Array;
  readonly text: string;
}

/** Export-ExchangeCertificate: writes the PFX/request as FileData or text, and to -FileName on the server when given. */
export function mockExportExchangeCertificate(ctx: CallContext): void {
  const p = ctx.params;
  const binary = p.flag('binaryEncoded');
  const fileName = p.string('fileName');
  const { server, thumbprint } = ctx.env.store.read((tx) => {
    const target = prepareCertificateTarget(ctx, tx);
    if (target.thumbprint === undefined || target.thumbprint === '') {
      throw CmdletFailure.cmdlet(approximated('ExceptionEmptyStringNotAllowed'), 'InvalidArgument');
    }
    if (
      fileName !== undefined &&
      fileName !== '' &&
      (fileExists(ctx.env.fs, fileName) || fileExists(ctx.env.fs, `${fileName}.pfx`))
    ) {
      throw CmdletFailure.cmdlet(approximated('CertificateInvalidFileName', target.server.name), 'InvalidArgument');
    }
    return { server: target.server, thumbprint: target.thumbprint };
  });
  if (!shouldProcess(ctx, approximated('ConfirmExportExchangeCertificate', thumbprint))) return;
  const result = ctx.env.store.read((tx): ExportResult => {
    const installed = findInstalled(tx, server.name, thumbprint);
    if (installed) {
      if (installed.privateKey === null)
        throw CmdletFailure.server(server.name, approximated('ExportCertificateAs12WithoutKey'), 'InvalidArgument');
      const password = p.password('password');
      if (password === undefined || password === '')
        throw CmdletFailure.server(
          server.name,
          approximated('ExportWithPrivateKeyRequiresPassword'),
          'InvalidArgument',
        );
      if (!installed.exportable)
        throw CmdletFailure.server(server.name, EXCHANGE_MESSAGES.keyNotExportable, 'InvalidArgument');
      const pfx = writePfx({
        key: installed.privateKey,
        certificate: installed.der,
        password,
        ...(installed.friendlyName !== '' ? { friendlyName: installed.friendlyName } : {}),
      });
      return { bytes: pfx, text: Buffer.from(pfx).toString('base64') };
    }
    const request = tx.listRequests(server.name).find((r) => sameThumbprint(r.thumbprint, thumbprint));
    if (request) return { bytes: new Uint8Array(request.csr), text: formatExchangeRequestText(request.csr) };
    throw CmdletFailure.server(server.name, EXCHANGE_MESSAGES.certificateNotFound(thumbprint), 'ObjectNotFound');
  });
  ctx.output.push(binary ? { FileData: result.bytes } : result.text);
  if (fileName === undefined || fileName === '') return;
  const problem = writeServerFile(
    ctx.env.fs,
    withCertificateExtension(fileName, '.pfx'),
    binary ? result.bytes : result.text,
  );
  if (problem !== undefined)
    throw CmdletFailure.cmdlet(
      approximated('ExportCertificateFileInvalid', problem),
      'InvalidOperation',
      'InvalidOperationException',
    );
}
