// Made-up servers and certificates (random bytes with real thumbprints) for benchmarks and store tests.
import { createHash, randomBytes } from 'node:crypto';
import type { CertificateRecord, ServerRecord } from '../org-state.js';

/**
 * A 2019 CU15 Mailbox server named `name`.
 * @example fakeServerRecord('EX01').fqdn // 'ex01.contoso.com'
 */
export function fakeServerRecord(name: string): ServerRecord {
  return Object.freeze({
    name,
    fqdn: `${name.toLowerCase()}.contoso.com`,
    major: '2019',
    cu: 15,
    roles: Object.freeze(['Mailbox']),
    createdAt: new Date(0).toISOString(),
  });
}

/**
 * A certificate on `server` whose DER is `derBytes` random bytes and whose thumbprint is their SHA-1, with a random "key".
 * @example fakeCertificateRecord('EX01').thumbprint.length // 40
 */
export function fakeCertificateRecord(server: string, derBytes = 800, friendlyName = ''): CertificateRecord {
  const der = new Uint8Array(randomBytes(derBytes));
  return Object.freeze({
    server,
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
    der,
    privateKey: new Uint8Array(randomBytes(1217)),
    exportable: true,
    friendlyName,
    rootCaType: 'None' as const,
    createdAt: new Date().toISOString(),
  });
}
