// The self-checking certificates store-writer.ts writes: every field derives from the DER, so a torn record shows.
import { createHash, randomBytes } from 'node:crypto';
import type { CertificateRecord } from '../../../../src/engine/org-state.js';

/** The server every writer writes to (certificates use two spellings, to exercise case-insensitive keys). */
export const WRITER_SERVER = 'EX01';

/** How many certificates a churning writer keeps: beyond this it drops the oldest in the same transaction. */
export const CHURN_KEEP = 40;

/** Certificate number `index` of writer `label`. */
export function writerCertificate(label: string, index: number): CertificateRecord {
  const der = new Uint8Array(randomBytes(600 + (index % 7) * 50));
  return {
    server: index % 2 === 0 ? WRITER_SERVER : WRITER_SERVER.toLowerCase(),
    thumbprint: sha('sha1', der).toUpperCase(),
    der,
    privateKey: index % 3 === 0 ? null : new Uint8Array(Buffer.from(sha('sha512', der), 'hex')),
    exportable: index % 2 === 0,
    friendlyName: `${label}-${index}-${sha('sha256', der).slice(0, 8)}`,
    rootCaType: 'None',
    createdAt: new Date().toISOString(),
  };
}

/** Why `cert` is not one writerCertificate produced (fields not matching its DER), or null when consistent. */
export function writerCertificateProblem(cert: CertificateRecord): string | null {
  const { der } = cert;
  if (cert.thumbprint !== sha('sha1', der).toUpperCase()) return `thumbprint ${cert.thumbprint} does not match its DER`;
  const index = Number(/-(\d+)-[0-9a-f]{8}$/.exec(cert.friendlyName)?.[1]);
  if (!cert.friendlyName.endsWith(`-${sha('sha256', der).slice(0, 8)}`) || Number.isNaN(index))
    return `friendlyName ${cert.friendlyName} does not match its DER`;
  const key = index % 3 === 0 ? null : Buffer.from(sha('sha512', der), 'hex').toString('hex');
  if ((cert.privateKey === null ? null : Buffer.from(cert.privateKey).toString('hex')) !== key)
    return `privateKey of ${cert.thumbprint} does not match`;
  if (cert.exportable !== (index % 2 === 0)) return `exportable of ${cert.thumbprint} does not match`;
  if (der.length !== 600 + (index % 7) * 50) return `DER of ${cert.thumbprint} has the wrong length`;
  return null;
}

function sha(algorithm: string, data: Uint8Array): string {
  return createHash(algorithm).update(data).digest('hex');
}
