// Get-ExchangeCertificate (rules 14-25): certificates and pending requests of the target server.
import type { ExchangeCertificate } from '../spec/output/exchange-certificate.js';
import type { CallContext } from './call-context.js';
import { certificateInfo } from './certificate-cache.js';
import { findAllForNames, findBest } from './certificate-selection.js';
import { installedCertificateView, pendingRequestView } from './certificate-view.js';
import { CmdletFailure } from './cmdlet-failure.js';
import { prepareCertificateTarget } from './cmdlet-runner.js';
import { findInstalled } from './enable-certificate-rpc.js';
import { EXCHANGE_MESSAGES } from './exchange-messages.js';
import type { ServerRecord, StateTransaction } from './org-state.js';
import { sameThumbprint } from './thumbprint-format.js';
import { ensureValidExchangeCertificate, validateExchangeCertificate } from './validity-check.js';

/** The thumbprint of a piped certificate object (-Instance). */
function instanceThumbprint(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (typeof r['Thumbprint'] === 'string') return r['Thumbprint'];
  return r['RawData'] instanceof Uint8Array ? certificateInfo(r['RawData']).thumbprint : undefined;
}

/** -Thumbprint: the installed certificate (validity checked, rule 17) or the pending request, else not found. */
function byThumbprint(tx: StateTransaction, server: ServerRecord, thumbprint: string, now: Date): ExchangeCertificate {
  const installed = findInstalled(tx, server.name, thumbprint);
  if (installed) {
    ensureValidExchangeCertificate(server.name, certificateInfo(installed.der), installed.privateKey !== null);
    return installedCertificateView(tx, server, installed, now, { forGet: true });
  }
  const request = tx.listRequests(server.name).find((r) => sameThumbprint(r.thumbprint, thumbprint));
  if (request) return pendingRequestView(server, request);
  throw CmdletFailure.server(server.name, EXCHANGE_MESSAGES.certificateNotFound(thumbprint), 'NotSpecified');
}

/** -DomainName (rule 18): the certificate Exchange would pick first, then the other matches newest first. */
function byDomainNames(
  tx: StateTransaction,
  server: ServerRecord,
  names: readonly string[],
  thumbprint: string | undefined,
  now: Date,
): ExchangeCertificate[] {
  const all = findAllForNames(tx, server.name, names, 'single');
  if (thumbprint !== undefined) {
    const match = all.find((r) => sameThumbprint(r.thumbprint, thumbprint));
    if (!match)
      throw CmdletFailure.server(server.name, EXCHANGE_MESSAGES.certificateNotFound(thumbprint), 'NotSpecified');
    return [installedCertificateView(tx, server, match, now, { forGet: true })];
  }
  const best = findBest(tx, server.name, all, now);
  const ordered = best ? [best, ...all.filter((r) => r !== best)] : all;
  return ordered.map((r) => installedCertificateView(tx, server, r, now, { forGet: true }));
}

/** Unfiltered (rules 14-16): valid installed certificates and all pending requests, newest NotBefore first. */
function everything(tx: StateTransaction, server: ServerRecord, now: Date): ExchangeCertificate[] {
  const installed = tx
    .listCertificates(server.name)
    .filter((r) => validateExchangeCertificate(certificateInfo(r.der), r.privateKey !== null) === 'Valid')
    .map((r) => installedCertificateView(tx, server, r, now, { forGet: true }));
  const pending = tx.listRequests(server.name).map((r) => pendingRequestView(server, r));
  return [...installed, ...pending].sort((a, b) => b.NotBefore.getTime() - a.NotBefore.getTime());
}

/** Get-ExchangeCertificate: writes the matching objects, or one error. */
export function mockGetExchangeCertificate(ctx: CallContext): void {
  const objects = ctx.env.store.read((tx) => {
    const { server, thumbprint } = prepareCertificateTarget(ctx, tx, { mailboxForCas: true });
    const now = ctx.now(tx);
    const instance = instanceThumbprint(ctx.params.raw('instance'));
    if (instance !== undefined) return [byThumbprint(tx, server, instance, now)];
    const names = (ctx.params.strings('domainName') ?? []).filter((n) => n.trim() !== '');
    if (names.length > 0) return byDomainNames(tx, server, names, thumbprint, now);
    if (thumbprint !== undefined) return [byThumbprint(tx, server, thumbprint, now)];
    return everything(tx, server, now);
  });
  ctx.output.push(...objects);
}
