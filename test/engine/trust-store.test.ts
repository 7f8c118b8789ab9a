// Chain building's certificates come with their stored facts: a later process shows a CA-issued certificate unparsed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { trustVendorRoot } from '../../src/engine/org-admin.js';
import { openSqliteStateStore } from '../../src/engine/store/sqlite-state-store.js';
import { addServerIntermediates, intermediateCertificates, trustAnchors } from '../../src/engine/trust-store.js';
import { createVendorCa, loadVendorCa } from '../../src/pki/vendor-ca.js';
import { CERTIFICATE_FACTS } from '../../src/pki/certificate-facts-json.js';

const base = mkdtempSync(join(tmpdir(), 'exchcert-trust-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('trust store facts', () => {
  it('stores the facts of vendor roots and intermediates, and hands them to the codec when chains are built', async () => {
    const vendor = await createVendorCa({ name: 'Facts Trust' });
    const other = loadVendorCa(await createVendorCa({ name: 'Other Trust' }));
    const writer = openSqliteStateStore(base, { certificateFacts: CERTIFICATE_FACTS });
    trustVendorRoot(writer, vendor);
    writer.write((tx) => addServerIntermediates(tx, 'EX01', [other.intermediate.der]));
    writer.close();

    const asked: string[] = [];
    const recording = { ...CERTIFICATE_FACTS, known: () => false, read: (_d: Uint8Array, t: string) => asked.push(t) };
    const reader = openSqliteStateStore(base, { certificateFacts: recording, readonly: true });
    const ca = loadVendorCa(vendor);
    const [anchors, intermediates] = reader.read((tx) => [
      trustAnchors(tx, 'EX01'),
      intermediateCertificates(tx, 'EX01'),
    ]);
    reader.close();
    expect(anchors.map((a) => a.thumbprint)).toEqual([ca.root.thumbprint]);
    expect(intermediates).toHaveLength(2);
    expect(asked).toEqual([ca.root.thumbprint, ca.intermediate.thumbprint, other.intermediate.thumbprint]);
  });
});
