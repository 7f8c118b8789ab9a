// `report`: every server's certificates with the checks admins rely on (expiry bands, status, weak keys and signatures).
import { listCertificates } from './certificate-inventory.js';
import type { CertificateSummary } from './certificate-inventory.js';
import { forEachServer } from './fan-out.js';
import { findOrgServer } from './run-step.js';
import type { WorkflowContext } from './run-step.js';
import type { OrgServer } from './workflow-target.js';

/** How close a certificate is to its end: past it, within 30 days, within 60 days, later; requests have none. */
export type ExpiryBand = 'expired' | '30-days' | '60-days' | 'ok' | 'pending';

/** One problem found on a certificate. */
export interface Finding {
  readonly severity: 'error' | 'warning';
  readonly check: 'expired' | 'expires-30' | 'expires-60' | 'status' | 'key-size' | 'signature';
  readonly message: string;
}

/** A certificate with its checks. */
export interface ReportCertificate extends CertificateSummary {
  readonly daysToExpiry: number;
  readonly band: ExpiryBand;
  readonly findings: readonly Finding[];
}

/** One server's part of the report. */
export interface ServerReport {
  readonly server: string;
  readonly exchange: string;
  readonly certificates: readonly ReportCertificate[];
  /** Thumbprints of the certificates holding SMTP and IIS. */
  readonly smtp: readonly string[];
  readonly iis: readonly string[];
  /** Set when the server could not be read. */
  readonly error: string | null;
}

/** The whole inventory. */
export interface CertificateReport {
  readonly generatedAt: Date;
  readonly servers: readonly ServerReport[];
  readonly counts: { readonly certificates: number; readonly errors: number; readonly warnings: number };
}

const DAY = 86_400_000;
const WEAK_SIGNATURE = /sha1|md5|md2/i;

/**
 * The checks for one certificate at `now` (Health Checker's: expiry with 60/30-day bands, Status, key size, SHA-1/MD5).
 * @example checkCertificate(summary, new Date()).band // '60-days'
 */
export function checkCertificate(c: CertificateSummary, now: Date): ReportCertificate {
  const days = Math.floor((c.notAfter.getTime() - now.getTime()) / DAY);
  const pending = c.status === 'PendingRequest';
  const band: ExpiryBand = pending
    ? 'pending'
    : days < 0
      ? 'expired'
      : days < 30
        ? '30-days'
        : days < 60
          ? '60-days'
          : 'ok';
  const findings: Finding[] = [];
  if (band === 'expired')
    findings.push({
      severity: 'error',
      check: 'expired',
      message: `expired ${-days} days ago (${c.notAfter.toISOString().slice(0, 10)})`,
    });
  else if (band === '30-days')
    findings.push({ severity: 'error', check: 'expires-30', message: `expires in ${days} days` });
  else if (band === '60-days')
    findings.push({ severity: 'warning', check: 'expires-60', message: `expires in ${days} days` });
  if (!pending && c.status !== 'Valid' && band !== 'expired')
    findings.push({
      severity: c.services.length > 0 ? 'error' : 'warning',
      check: 'status',
      message: `Status is ${c.status}`,
    });
  if (c.keySize > 0 && c.keySize < 2048)
    findings.push({ severity: 'error', check: 'key-size', message: `key size ${c.keySize} is below 2048` });
  if (!pending && WEAK_SIGNATURE.test(c.signatureAlgorithm))
    findings.push({ severity: 'warning', check: 'signature', message: `signed with ${c.signatureAlgorithm}` });
  return { ...c, daysToExpiry: days, band, findings };
}

/** Options of buildReport. */
export interface ReportOptions {
  /** Servers to include (default: every server of the organization). */
  readonly servers?: readonly string[] | undefined;
}

/**
 * Reads every server's certificates (through the fan-out) and checks them at the organization's current time.
 * @example const report = await buildReport(ctx); report.servers[0].smtp
 */
export async function buildReport(ctx: WorkflowContext, options: ReportOptions = {}): Promise<CertificateReport> {
  const all = await ctx.target.org.servers();
  const chosen: OrgServer[] =
    options.servers && options.servers.length > 0
      ? await Promise.all(options.servers.map((s) => findOrgServer(ctx.target, s)))
      : [...all];
  const now = await ctx.target.org.now();
  const byName = new Map(chosen.map((s) => [s.name, s]));
  const outcomes = await forEachServer(ctx, [...byName.keys()], (c, name) => listCertificates(c, byName.get(name)!));
  const servers: ServerReport[] = outcomes.map((o) => {
    const server = byName.get(o.server)!;
    if (!o.ok)
      return { server: o.server, exchange: server.exchange, certificates: [], smtp: [], iis: [], error: o.error };
    const certificates = o.value
      .map((c) => checkCertificate(c, now))
      .sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime());
    const holding = (service: string) =>
      certificates.filter((c) => c.services.includes(service)).map((c) => c.thumbprint);
    return {
      server: o.server,
      exchange: server.exchange,
      certificates,
      smtp: holding('SMTP'),
      iis: holding('IIS'),
      error: null,
    };
  });
  const findings = servers.flatMap((s) => s.certificates.flatMap((c) => c.findings));
  return {
    generatedAt: now,
    servers,
    counts: {
      certificates: servers.reduce((n, s) => n + s.certificates.length, 0),
      errors: findings.filter((f) => f.severity === 'error').length + servers.filter((s) => s.error !== null).length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    },
  };
}
