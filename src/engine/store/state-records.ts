// Normalised, frozen copies of the state's records, shared by both stores so they behave the same.
import { serverKey } from '../org-state.js';
import type { CertificateRecord, RequestRecord, ServerRecord } from '../org-state.js';
import { StoreError } from './store-error.js';

/**
 * The form thumbprints are stored and looked up in: trimmed, upper-case.
 * @example storedThumbprint(' 3c5b… ') // '3C5B…'
 */
export function storedThumbprint(thumbprint: string): string {
  return thumbprint.trim().toUpperCase();
}

/**
 * A plain Uint8Array copy (never a Buffer, never shared with the caller).
 * @example copyBytes(Buffer.from('ab')) // Uint8Array [97, 98]
 */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/**
 * Server key of `name`, refusing an empty one (StoreError INVALID_RECORD).
 * @example requireServerKey(' AMS-EXCH01 ') // 'ams-exch01'
 */
export function requireServerKey(name: string): string {
  const key = typeof name === 'string' ? serverKey(name) : '';
  if (key === '') throw new StoreError('INVALID_RECORD', 'A server name is required.');
  return key;
}

/**
 * Normalised thumbprint, refusing an empty one (StoreError INVALID_RECORD).
 * @example requireThumbprint('ab12…') // 'AB12…'
 */
export function requireThumbprint(thumbprint: string): string {
  const value = typeof thumbprint === 'string' ? storedThumbprint(thumbprint) : '';
  if (value === '') throw new StoreError('INVALID_RECORD', 'A thumbprint is required.');
  return value;
}

function requireBytes(value: unknown, field: string): Uint8Array {
  if (!(value instanceof Uint8Array))
    throw new StoreError('INVALID_RECORD', `The field '${field}' must be a Uint8Array.`);
  return copyBytes(value);
}

/**
 * A frozen copy of `server` with only the ServerRecord fields.
 * @example freezeServer({ name: 'EX01', fqdn: 'ex01.contoso.com', major: '2019', cu: 15, roles: ['Mailbox'], createdAt: '…' })
 */
export function freezeServer(server: ServerRecord): ServerRecord {
  requireServerKey(server.name);
  return Object.freeze({
    name: server.name,
    fqdn: server.fqdn,
    major: server.major,
    cu: server.cu,
    roles: Object.freeze([...server.roles]),
    createdAt: server.createdAt,
  });
}

/**
 * A frozen copy of `cert` with an upper-case thumbprint and copied bytes.
 * @example freezeCertificate(cert).thumbprint // upper-case
 */
export function freezeCertificate(cert: CertificateRecord): CertificateRecord {
  requireServerKey(cert.server);
  return Object.freeze({
    server: cert.server,
    thumbprint: requireThumbprint(cert.thumbprint),
    der: requireBytes(cert.der, 'der'),
    privateKey: cert.privateKey === null ? null : requireBytes(cert.privateKey, 'privateKey'),
    exportable: Boolean(cert.exportable),
    friendlyName: cert.friendlyName,
    rootCaType: cert.rootCaType,
    createdAt: cert.createdAt,
  });
}

/**
 * A frozen copy of `request` with an upper-case thumbprint and copied bytes.
 * @example freezeRequest(request).csr instanceof Uint8Array // true
 */
export function freezeRequest(request: RequestRecord): RequestRecord {
  requireServerKey(request.server);
  return Object.freeze({
    server: request.server,
    thumbprint: requireThumbprint(request.thumbprint),
    csr: requireBytes(request.csr, 'csr'),
    placeholder: requireBytes(request.placeholder, 'placeholder'),
    privateKey: requireBytes(request.privateKey, 'privateKey'),
    exportable: Boolean(request.exportable),
    friendlyName: request.friendlyName,
    createdAt: request.createdAt,
  });
}
