// Puts a certificate into a server's Personal store with the RootCAType its chain gives it at that moment.
import { certificateInfo } from './certificate-cache.js';
import { evaluateChain } from './certificate-chain.js';
import type { CertificateRecord, StateTransaction } from './org-state.js';
import { intermediateCertificates, trustAnchors } from './trust-store.js';

/**
 * Stores `record`, filling `rootCaType` from the chain (informational: views derive it again at read time).
 * @example installCertificate(tx, { ...record, rootCaType: null }, now)
 */
export function installCertificate(tx: StateTransaction, record: CertificateRecord, now: Date): CertificateRecord {
  const chain = evaluateChain(
    certificateInfo(record.der),
    trustAnchors(tx, record.server),
    intermediateCertificates(tx, record.server),
    now,
  );
  const stored = { ...record, rootCaType: chain.rootCaType };
  tx.putCertificate(stored);
  return stored;
}
