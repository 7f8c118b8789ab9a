// `renew`: request -> vendor certificate -> import -> enable -> PFX backup -> other servers; resumable.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { enableExchangeCertificate } from '../cmdlet/enable-exchange-certificate.js';
import { exportExchangeCertificate } from '../cmdlet/export-exchange-certificate.js';
import { importExchangeCertificate } from '../cmdlet/import-exchange-certificate.js';
import { newExchangeCertificate } from '../cmdlet/new-exchange-certificate.js';
import { ValidationError } from '../errors/validation-error.js';
import { variable } from '../node/expression.js';
import type { Secret } from '../node/secret.js';
import { cnOf, parseX500Name } from '../pki/index.js';
import { listCertificates } from './certificate-inventory.js';
import { FILE_DATA_VARIABLE, installOnServer, needsForce } from './install-on-server.js';
import { openLocalPfx, readLocalFile } from './pfx-file.js';
import { findOrgServer, runStep } from './run-step.js';
import type { StepRecord, WorkflowContext } from './run-step.js';
import { getRenewal, putRenewal } from './workflow-journal.js';
import type { PendingRenewal } from './workflow-journal.js';

/** Options of renew; every file is on this machine. */
export interface RenewOptions {
  readonly server: string;
  readonly subjectName: string;
  readonly domainNames: readonly string[];
  readonly services: readonly string[];
  /** `mock`: the simulated vendor CA issues the certificate at once. */
  readonly ca?: 'mock' | undefined;
  /** The vendor's certificate for the pending request. */
  readonly certificateFile?: string | undefined;
  /** Where the request is written (default `<common name>.req` in the working directory). */
  readonly requestFile?: string | undefined;
  /** Where the PFX backup is written (default `<common name>.pfx`). */
  readonly backupFile?: string | undefined;
  readonly password: Secret;
  /** Further servers that get the PFX imported and the same services enabled. */
  readonly alsoOn?: readonly string[] | undefined;
  readonly friendlyName?: string | undefined;
  readonly cwd: string;
}

/** Where a renewal stands after a run. */
export interface RenewResult {
  /** `waiting`: the request is written and remembered; run again with the vendor's certificate. */
  readonly status: 'waiting' | 'completed' | 'what-if';
  readonly requestThumbprint: string | null;
  readonly thumbprint: string | null;
  readonly requestFile: string;
  readonly backupFile: string | null;
  readonly resumed: boolean;
  readonly steps: readonly StepRecord[];
}

function baseName(subjectName: string): string {
  let cn: string | undefined;
  try {
    cn = cnOf(parseX500Name(subjectName)) ?? undefined;
  } catch {
    cn = undefined;
  }
  return (cn ?? 'certificate')
    .replace(/^\*\./, 'wildcard.')
    .replace(/[^A-Za-z0-9.-]+/g, '_')
    .replace(/\./g, '_');
}

/**
 * Runs (or resumes) a renewal on one server. The first run writes the request and stops unless a certificate is at
 * hand (`ca: 'mock'` or `certificateFile`); a later run with the certificate completes the remembered request.
 * @example await renew(ctx, { server: 'AMS-EXCH01', subjectName: 'CN=mail.contoso.com', domainNames: ['mail.contoso.com'], services: ['IIS'], ca: 'mock', password, cwd: '.' });
 */
export async function renew(ctx: WorkflowContext, options: RenewOptions): Promise<RenewResult> {
  const steps: StepRecord[] = [];
  const c: WorkflowContext = {
    ...ctx,
    onStep: (s) => {
      steps.push(s);
      ctx.onStep?.(s);
    },
  };
  const stateDir = ctx.target.stateDir;
  const server = await findOrgServer(ctx.target, options.server);
  const alsoOn = await Promise.all((options.alsoOn ?? []).map((s) => findOrgServer(ctx.target, s)));
  const base = baseName(options.subjectName);
  const requestFile = resolve(options.cwd, options.requestFile ?? `${base}.req`);
  const backupFile = resolve(options.cwd, options.backupFile ?? `${base}.pfx`);
  const certificate =
    options.certificateFile !== undefined
      ? await readLocalFile(resolve(options.cwd, options.certificateFile), 'certificate-file')
      : undefined;

  let pending: PendingRenewal | undefined = getRenewal(stateDir, server.name, options.subjectName);
  const resumed = pending !== undefined;
  if (pending && pending.thumbprint === undefined) {
    // The remembered request must still be on the server; otherwise it cannot be completed.
    const still = (await listCertificates(c, server)).some(
      (x) => x.thumbprint === pending!.requestThumbprint && x.status === 'PendingRequest',
    );
    if (!still) {
      throw new ValidationError({
        code: 'PENDING_REQUEST_GONE',
        parameter: 'server',
        value: server.name,
        allowed: 'a server still holding the pending request',
        message: `The pending request ${pending.requestThumbprint} remembered for ${options.subjectName} is no longer on ${server.name}; remove it from ${stateDir}/workflows.json to start over.`,
      });
    }
  }
  if (!pending) {
    const before = new Set((await listCertificates(c, server)).map((x) => x.thumbprint));
    const request = newExchangeCertificate({
      generateRequest: true,
      server: server.name,
      subjectName: options.subjectName,
      domainName: [...options.domainNames],
      privateKeyExportable: true,
      ...(options.friendlyName !== undefined ? { friendlyName: options.friendlyName } : {}),
    });
    const made = await runStep(c, server, 'request', request);
    if (made === null)
      return {
        status: 'what-if',
        requestThumbprint: null,
        thumbprint: null,
        requestFile,
        backupFile: null,
        resumed,
        steps,
      };
    const text = made.output.find((o): o is string => typeof o === 'string') ?? '';
    await writeFile(requestFile, text.endsWith('\n') ? text : `${text}\r\n`);
    const placeholder = (await listCertificates(c, server)).find(
      (x) => x.status === 'PendingRequest' && !before.has(x.thumbprint),
    );
    if (!placeholder)
      throw new ValidationError({
        code: 'REQUEST_NOT_FOUND',
        parameter: 'server',
        value: server.name,
        allowed: 'a server that keeps pending requests',
        message: `The new request does not show on ${server.name} as a pending request.`,
      });
    pending = {
      server: server.name,
      subjectName: options.subjectName,
      requestThumbprint: placeholder.thumbprint,
      requestFile,
      createdAt: new Date().toISOString(),
      done: ['request'],
    };
    putRenewal(stateDir, server.name, options.subjectName, pending);
  }

  let thumbprint = pending.thumbprint;
  if (thumbprint === undefined) {
    let certBytes = certificate;
    if (!certBytes && options.ca === 'mock') {
      if (!ctx.target.org.issue)
        throw new ValidationError({
          code: 'NO_CA',
          parameter: 'ca',
          value: 'mock',
          allowed: 'the mock backend',
          message: '--ca mock needs the mock backend (its simulated vendor CA).',
        });
      const issued = await ctx.target.org.issue(await readLocalFile(pending.requestFile, 'request-file'), 365);
      certBytes = new TextEncoder().encode(issued.pem);
      const cer = pending.requestFile.replace(/\.req$/i, '') + '.cer';
      await writeFile(cer, certBytes);
      ctx.log.info({ event: 'issued', thumbprint: issued.thumbprint, file: cer }, 'mock CA issued the certificate');
    }
    if (!certBytes)
      return {
        status: 'waiting',
        requestThumbprint: pending.requestThumbprint,
        thumbprint: null,
        requestFile: pending.requestFile,
        backupFile: null,
        resumed,
        steps,
      };
    const imported = await runStep(
      c,
      server,
      'import',
      importExchangeCertificate({ server: server.name, fileData: variable(FILE_DATA_VARIABLE) }),
      { variables: { [FILE_DATA_VARIABLE]: certBytes } },
    );
    if (imported === null)
      return {
        status: 'what-if',
        requestThumbprint: pending.requestThumbprint,
        thumbprint: null,
        requestFile: pending.requestFile,
        backupFile: null,
        resumed,
        steps,
      };
    const object = imported.output.find(
      (o): o is Record<string, unknown> => typeof o === 'object' && o !== null && 'Thumbprint' in o,
    );
    thumbprint = String(object?.['Thumbprint'] ?? '').toUpperCase();
    pending = { ...pending, thumbprint, done: [...pending.done, 'import'] };
    putRenewal(stateDir, server.name, options.subjectName, pending);
  }

  const mark = (step: string) => {
    pending = { ...pending!, done: [...pending!.done, step] };
    putRenewal(stateDir, server.name, options.subjectName, pending);
  };
  if (!pending.done.includes('enable') && options.services.length > 0) {
    const enable = enableExchangeCertificate({
      server: server.name,
      thumbprint,
      services: [...options.services] as never,
      ...(needsForce(options.services) ? { force: true } : {}),
    });
    await runStep(c, server, 'enable', enable);
    mark('enable');
  }
  if (!pending.done.includes('export')) {
    const exported = await runStep(
      c,
      server,
      'export',
      exportExchangeCertificate({ server: server.name, thumbprint, binaryEncoded: true, password: options.password }),
    );
    const data = exported?.output
      .map((o) => (o as { FileData?: unknown } | null)?.FileData)
      .find((d): d is Uint8Array => d instanceof Uint8Array);
    if (!data)
      throw new ValidationError({
        code: 'EXPORT_EMPTY',
        parameter: 'backup-file',
        value: backupFile,
        allowed: 'a PFX from Export-ExchangeCertificate',
        message: `Export-ExchangeCertificate returned no PFX data for ${thumbprint}.`,
      });
    await writeFile(backupFile, data, { mode: 0o600 });
    mark('export');
  }
  if (alsoOn.length > 0) {
    const pfx = openLocalPfx(
      backupFile,
      await readLocalFile(backupFile, 'backup-file'),
      options.password,
      'backup-file',
    );
    for (const other of alsoOn) {
      if (pending.done.includes(`deploy:${other.name}`)) continue;
      await installOnServer(c, other, pfx, options.password, options.services);
      mark(`deploy:${other.name}`);
    }
  }
  putRenewal(stateDir, server.name, options.subjectName, null);
  return {
    status: 'completed',
    requestThumbprint: pending.requestThumbprint,
    thumbprint,
    requestFile: pending.requestFile,
    backupFile,
    resumed,
    steps,
  };
}
