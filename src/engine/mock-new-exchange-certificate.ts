// New-ExchangeCertificate (rules 33-58, 108-110): a self-signed certificate enabled for services, or a pending request.
import {
  PkiError,
  createCertificateRequest,
  createSelfSignedCertificate,
  decodeX500Name,
  exportPrivateKeyPkcs8,
  formatExchangeRequestText,
  formatX500Name,
  parseX500Name,
} from '../pki/index.js';
import type { CertificateInfo, HashAlgorithm, RsaKeySize, X500Name } from '../pki/index.js';
import { servicesString } from '../spec/output/allowed-services.js';
import { ALLOWED_SERVICES } from '../spec/ps-type.js';
import type { CallContext } from './call-context.js';
import { approximated } from './approximated-messages.js';
import { ensureCreateDefaults } from './certificate-defaults.js';
import type { CloneSource, CreateDefaults, CreateInput } from './certificate-defaults.js';
import { installedCertificateView } from './certificate-view.js';
import { CmdletFailure } from './cmdlet-failure.js';
import { prepareServerTarget } from './cmdlet-runner.js';
import { enableForServices } from './enable-for-services.js';
import { installCertificate } from './install-certificate.js';
import { MockTerminatingError } from './mock-exchange.js';
import { CMDLET_NAMESPACE } from './call-context.js';
import type { RequestRecord, ServerRecord } from './org-state.js';
import { PooledKeyTaken } from './key-pool.js';
import type { KeyLease } from './key-pool.js';
import { shouldProcess } from './prompts.js';
import { fileExists, withCertificateExtension, writeServerFile } from './server-files.js';
import { findServer } from './server-lookup.js';
import { applyConfirmedServices, askServiceQuestions } from './service-questions.js';
import { dryRun } from './dry-run.js';
import type { StateTransaction } from './org-state.js';

/** Signature hash of certificates New-ExchangeCertificate makes: SHA-256 from 2013 CU13 / 2016 CU2 on (rule 35). */
export function selfSignedHash(server: Pick<ServerRecord, 'major' | 'cu'>): HashAlgorithm {
  if (server.major === '2010') return 'SHA-1';
  if (server.major === '2013') return server.cu >= 13 ? 'SHA-256' : 'SHA-1';
  if (server.major === '2016') return server.cu >= 2 ? 'SHA-256' : 'SHA-1';
  return 'SHA-256';
}

/** The subject to encode as written: a renewal's copied subject in the old certificate's RDN order, else -SubjectName. */
function subjectOf(defaults: CreateDefaults): string | X500Name {
  return defaults.subjectDer ? decodeX500Name(defaults.subjectDer) : defaults.subjectName;
}

/** The piped certificate of a renewal (Get-ExchangeCertificate | New-ExchangeCertificate, rule 47). */
function cloneSource(value: unknown): CloneSource | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (!(r['RawData'] instanceof Uint8Array)) return undefined;
  return { der: r['RawData'], friendlyName: typeof r['FriendlyName'] === 'string' ? r['FriendlyName'] : '' };
}

/** -SubjectName as the cmdlet hands it on (X500DistinguishedName.Name: typed order, Windows keys). */
function normalizedSubject(ctx: CallContext): string | undefined {
  const text = ctx.params.string('subjectName');
  if (text === undefined) return undefined;
  try {
    return formatX500Name(parseX500Name(text));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new MockTerminatingError(
      Object.freeze({
        message: approximated('SubjectNameTransformation', why),
        category: 'InvalidData',
        errorId: 'ParameterArgumentTransformationError',
        fullyQualifiedErrorId: `ParameterArgumentTransformationError,${CMDLET_NAMESPACE}.${ctx.className}`,
        command: ctx.call.cmdlet,
        terminating: true,
        line: ctx.call.line,
        column: ctx.call.column,
      }),
    );
  }
}

/** The cmdlet-side checks of ValidateParameters (rules 53, 56): the first failing one is the error. */
function validateParameters(ctx: CallContext, server: ServerRecord): void {
  const p = ctx.params;
  const request = p.flag('generateRequest');
  const requestFile = p.string('requestFile') ?? '';
  if (!request && p.flag('binaryEncoded'))
    throw CmdletFailure.cmdlet(approximated('CertificateRequestMissingForArgument', server.name), 'InvalidArgument');
  if (!request && requestFile !== '')
    throw CmdletFailure.cmdlet(
      approximated('CertificateRequestMissingGenerateRequest', server.name),
      'InvalidArgument',
    );
  if (requestFile !== '' && fileExists(ctx.env.fs, requestFile))
    throw CmdletFailure.cmdlet(approximated('CertificateInvalidRequestFile', server.name), 'InvalidArgument');
}

/** The -WhatIf / -Confirm text the server builds (rule 49). */
function whatIfText(defaults: CreateDefaults, request: boolean, services: number): string {
  const id = request ? 'ConfirmGenerateExchangeCertificateRequest' : 'ConfirmGenerateExchangeCertificate';
  return approximated(
    id,
    defaults.friendlyName ?? 'Microsoft Exchange',
    defaults.subjectName,
    defaults.domains.join(', '),
    servicesString(services),
    defaults.keySize,
  );
}

/** Turns a PKI refusal during creation into the server's InvalidArgument error. */
function creationFailure(server: string, error: unknown): never {
  if (error instanceof PkiError)
    throw CmdletFailure.server(server, approximated('CertificateCreationFailed', error.message), 'InvalidArgument');
  throw error;
}

/** -GenerateRequest: a key pair, the PKCS#10 request and its placeholder in the REQUEST store (rules 51-56, 110). */
async function generateRequest(ctx: CallContext, server: ServerRecord, defaults: CreateDefaults): Promise<void> {
  const p = ctx.params;
  // A pooled key another process took meanwhile rolls the write back; the retry uses a key made for this call.
  let csr;
  for (let fresh = false; ; fresh = true) {
    const lease = await ctx.env.leaseKey(defaults.keySize as RsaKeySize, fresh);
    const key = lease.pair;
    const now = ctx.now();
    let placeholder;
    try {
      csr = await createCertificateRequest({
        subject: subjectOf(defaults),
        dnsNames: defaults.domains,
        key,
        subjectOrder: 'as-written',
      });
      placeholder = await createSelfSignedCertificate({
        key,
        subject: decodeX500Name(csr.subjectDer),
        subjectOrder: 'as-written',
        dnsNames: defaults.domains,
        notBefore: now,
        validityMonths: 12,
      });
    } catch (error) {
      creationFailure(server.name, error);
    }
    const request: RequestRecord = {
      server: server.name,
      thumbprint: placeholder.thumbprint,
      csr: csr.der,
      placeholder: placeholder.der,
      privateKey: exportPrivateKeyPkcs8(key),
      exportable: p.bool('privateKeyExportable') === true,
      friendlyName: defaults.friendlyName ?? 'Microsoft Exchange',
      createdAt: now.toISOString(),
    };
    try {
      ctx.env.store.write((tx) => {
        lease.claim(tx);
        tx.putRequest({ ...request, server: (findServer(tx, server.name) ?? server).name });
      });
      lease.committed();
      break;
    } catch (error) {
      if (!(error instanceof PooledKeyTaken) || fresh) throw error;
    }
  }
  ctx.warnings.push(...defaults.warnings);
  const binary = p.flag('binaryEncoded');
  const text = formatExchangeRequestText(csr.der);
  ctx.output.push(binary ? { FileData: new Uint8Array(csr.der) } : text);
  const requestFile = p.string('requestFile') ?? '';
  if (requestFile === '') return;
  const problem = writeServerFile(ctx.env.fs, withCertificateExtension(requestFile, '.req'), binary ? csr.der : text);
  if (problem !== undefined)
    throw CmdletFailure.cmdlet(
      approximated('RequestCertificateFileInvalid', problem),
      'InvalidOperation',
      'InvalidOperationException',
    );
}

/** A self-signed certificate, enabled for -Services (default SMTP) with the questions of rule 46 (rules 33-50, 109). */
async function createSelfSigned(
  ctx: CallContext,
  server: ServerRecord,
  defaults: CreateDefaults,
  services: number,
): Promise<void> {
  const p = ctx.params;
  const now = ctx.now();
  const ski = p.string('subjectKeyIdentifier');
  const make = async (lease: KeyLease): Promise<{ lease: KeyLease; cert: CertificateInfo }> => {
    try {
      return {
        lease,
        cert: await createSelfSignedCertificate({
          key: lease.pair,
          subject: subjectOf(defaults),
          subjectOrder: 'as-written',
          dnsNames: defaults.domains,
          hash: selfSignedHash(server),
          notBefore: now,
          validityMonths: 60,
          ...(ski !== undefined && ski !== '' ? { subjectKeyIdentifier: ski } : {}),
        }),
      };
    } catch (error) {
      creationFailure(server.name, error);
    }
  };
  let { lease, cert } = await make(await ctx.env.leaseKey(defaults.keySize as RsaKeySize));
  const install = (tx: StateTransaction) => {
    const target = findServer(tx, server.name) ?? server;
    const record = installCertificate(
      tx,
      {
        server: target.name,
        thumbprint: cert.thumbprint,
        der: cert.der,
        privateKey: exportPrivateKeyPkcs8(lease.pair),
        exportable: p.bool('privateKeyExportable') === true,
        friendlyName: defaults.friendlyName ?? 'Microsoft Exchange',
        rootCaType: 'None',
        createdAt: now.toISOString(),
      },
      now,
    );
    const outcome = enableForServices(
      tx,
      target,
      record,
      { services, requireSsl: false, allowConfirmation: !p.flag('force'), forceNetworkService: false },
      now,
    );
    return { target, record, outcome };
  };
  // Questions first (on a rolled-back preview), then one transaction: a failed or unanswerable call changes nothing.
  const preview = dryRun(ctx.env.store, (tx) => install(tx).outcome);
  if (preview.failure) {
    ctx.warnings.push(...defaults.warnings, ...preview.warnings);
    throw preview.failure;
  }
  const { confirmed, unanswered } = askServiceQuestions(ctx, preview.confirmations);
  const commit = () =>
    ctx.env.store.write((tx) => {
      lease.claim(tx);
      const { target, record, outcome } = install(tx);
      if (outcome.failure) throw outcome.failure;
      const followUps = applyConfirmedServices(
        tx,
        server.name,
        cert.thumbprint,
        confirmed,
        { requireSsl: false, forceNetworkService: false },
        now,
      );
      if (followUps.failure) throw followUps.failure;
      const view = installedCertificateView(
        tx,
        target,
        record,
        now,
        followUps.services === 0 ? {} : { extraServices: followUps.services },
      );
      return { warnings: [...outcome.warnings, ...followUps.warnings], view };
    });
  let result;
  try {
    result = commit();
  } catch (error) {
    if (!(error instanceof PooledKeyTaken)) throw error;
    // Another process took the pooled key after the questions: the answers stand for a certificate on a key made now.
    ({ lease, cert } = await make(await ctx.env.leaseKey(defaults.keySize as RsaKeySize, true)));
    result = commit();
  }
  lease.committed();
  if (unanswered !== undefined) throw unanswered;
  ctx.warnings.push(...defaults.warnings, ...result.warnings);
  const view = result.view;
  ctx.output.push(view);
}

/** New-ExchangeCertificate: writes the new certificate object, the request text or FileData, or one error. */
export async function mockNewExchangeCertificate(ctx: CallContext): Promise<void> {
  const p = ctx.params;
  const subjectName = normalizedSubject(ctx);
  const request = p.flag('generateRequest');
  const services = p.services('services') ?? ALLOWED_SERVICES.SMTP;
  const { server, defaults } = ctx.env.store.read((tx) => {
    const target = prepareServerTarget(ctx, tx);
    validateParameters(ctx, target);
    const input: CreateInput = {
      subjectName,
      domainNames: p.strings('domainName'),
      friendlyName: p.string('friendlyName'),
      includeAcceptedDomains: p.flag('includeAcceptedDomains'),
      includeAutoDiscover: p.flag('includeAutoDiscover'),
      includeServerFqdn: p.flag('includeServerFQDN'),
      includeServerNetBios: p.flag('includeServerNetBIOSName'),
      keySize: p.int('keySize') ?? 0,
      clone: cloneSource(p.raw('instance')),
    };
    return { server: target, defaults: ensureCreateDefaults(tx, target, input) };
  });
  if (!shouldProcess(ctx, whatIfText(defaults, request, services))) return;
  if (request) await generateRequest(ctx, server, defaults);
  else await createSelfSigned(ctx, server, defaults, services);
}
