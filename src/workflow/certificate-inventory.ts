// A server's certificates as the workflows read them: Get-ExchangeCertificate's objects, the fields that matter.
import { getExchangeCertificate } from '../cmdlet/get-exchange-certificate.js';
import { runStep } from './run-step.js';
import type { WorkflowContext } from './run-step.js';
import type { OrgServer } from './workflow-target.js';

/** One certificate (or pending request) on a server. */
export interface CertificateSummary {
  readonly server: string;
  readonly thumbprint: string;
  readonly subject: string;
  readonly issuer: string;
  readonly friendlyName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Exchange's Status: Valid, Untrusted, DateInvalid, PendingRequest, Revoked... */
  readonly status: string;
  /** Services the certificate is enabled for (Exchange's names; empty for None). */
  readonly services: readonly string[];
  readonly keySize: number;
  readonly signatureAlgorithm: string;
  readonly domains: readonly string[];
  readonly isSelfSigned: boolean;
  readonly hasPrivateKey: boolean;
  /** Issuer and subject as a connector's TlsCertificateName names the certificate. */
  readonly tlsCertificateName: string;
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function servicesOf(v: unknown): string[] {
  const s = text(v);
  return s === '' || s === 'None'
    ? []
    : s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0 && x !== 'None');
}

/**
 * The certificate summary of one Get-ExchangeCertificate output object.
 * @example summarize('EX1', { Thumbprint: 'AB...', Services: 'IIS, SMTP', ... }).services // ['IIS', 'SMTP']
 */
export function summarizeCertificate(server: string, o: Record<string, unknown>): CertificateSummary {
  const sig = o['SignatureAlgorithm'] as { FriendlyName?: unknown } | string | undefined;
  return {
    server,
    thumbprint: text(o['Thumbprint']).toUpperCase(),
    subject: text(o['Subject']),
    issuer: text(o['Issuer']),
    friendlyName: text(o['FriendlyName']),
    notBefore: new Date(o['NotBefore'] as Date),
    notAfter: new Date(o['NotAfter'] as Date),
    status: text(o['Status']),
    services: servicesOf(o['Services']),
    keySize: Number(o['PublicKeySize'] ?? 0),
    signatureAlgorithm: typeof sig === 'object' && sig !== null ? text(sig.FriendlyName) : text(sig),
    domains: Array.isArray(o['CertificateDomains']) ? (o['CertificateDomains'] as unknown[]).map(text) : [],
    isSelfSigned: o['IsSelfSigned'] === true,
    hasPrivateKey: o['HasPrivateKey'] === true,
    tlsCertificateName: `<I>${text(o['Issuer'])}<S>${text(o['Subject'])}`,
  };
}

/**
 * Lists a server's certificates with `Get-ExchangeCertificate -Server NAME` (runs under what-if too: it reads only).
 * @example const certs = await listCertificates(ctx, { name: 'AMS-EXCH01', exchange: '2013' });
 */
export async function listCertificates(ctx: WorkflowContext, server: OrgServer): Promise<CertificateSummary[]> {
  const result = await runStep(ctx, server, 'list certificates', getExchangeCertificate({ server: server.name }), {
    readOnly: true,
  });
  return (result?.output ?? [])
    .filter((o): o is Record<string, unknown> => typeof o === 'object' && o !== null && 'Thumbprint' in o)
    .map((o) => summarizeCertificate(server.name, o));
}
