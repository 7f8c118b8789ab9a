// The certificates a server trusts (Trusted Root, vendor roots) and the CA certificates it can build chains with.
import type { RootCaType } from '../spec/output/exchange-certificate.js';
import type { StateTransaction } from './org-state.js';
import { serverKey } from './org-state.js';
import { thumbprintOf } from '../pki/index.js';

/** A trusted root as chain building sees it. */
export interface TrustAnchor {
  readonly thumbprint: string;
  readonly der: Uint8Array;
  readonly source: Exclude<RootCaType, 'None' | 'Unknown'>;
}

const ORG_INTERMEDIATES = 'exchange.intermediates';
const serverIntermediatesKey = (server: string): string => `exchange.intermediates.${serverKey(server)}`;

/** The server's Trusted Root certificates plus the vendor roots every server trusts (ThirdParty). */
export function trustAnchors(tx: StateTransaction, server: string): readonly TrustAnchor[] {
  const own = tx
    .getServerConfig(server)
    .trustedRoots.map((r) => ({ thumbprint: r.thumbprint, der: r.der, source: r.source }));
  const vendor = tx
    .getOrgConfig()
    .trustedVendorRoots.map((r) => ({ thumbprint: r.thumbprint, der: r.der, source: 'ThirdParty' as const }));
  const anchors = [...own, ...vendor];
  for (const a of anchors) tx.loadCertificateFacts(a.der, a.thumbprint);
  return anchors;
}

function storedList(tx: StateTransaction, key: string): readonly Uint8Array[] {
  const value = tx.getValue(key);
  return Array.isArray(value) ? value.filter((v): v is Uint8Array => v instanceof Uint8Array) : [];
}

/** CA certificates available for chain building on a server: the vendors' intermediates and those a PKCS#7 installed. */
export function intermediateCertificates(tx: StateTransaction, server: string): readonly Uint8Array[] {
  const ders = [...storedList(tx, ORG_INTERMEDIATES), ...storedList(tx, serverIntermediatesKey(server))];
  for (const der of ders) tx.loadCertificateFacts(der, thumbprintOf(der));
  return ders;
}

function addTo(tx: StateTransaction, key: string, ders: readonly Uint8Array[]): void {
  const list = [...storedList(tx, key)];
  const known = new Set(list.map((d) => thumbprintOf(d)));
  for (const der of ders) {
    const t = thumbprintOf(der);
    if (!known.has(t)) {
      known.add(t);
      list.push(der);
      tx.putCertificateFacts(der, t);
    }
  }
  tx.putValue(key, list);
}

/** Adds CA certificates every server can reach (a public vendor's intermediates, fetched by AIA in real life). */
export function addOrgIntermediates(tx: StateTransaction, ders: readonly Uint8Array[]): void {
  addTo(tx, ORG_INTERMEDIATES, ders);
}

/** Adds CA certificates to one server's Intermediate Certification Authorities store (what a PKCS#7 answer installs). */
export function addServerIntermediates(tx: StateTransaction, server: string, ders: readonly Uint8Array[]): void {
  addTo(tx, serverIntermediatesKey(server), ders);
}
