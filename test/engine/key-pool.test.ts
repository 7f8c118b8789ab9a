// The state's RSA key pool: New-ExchangeCertificate takes a pooled key in its own transaction, a failed call leaves it.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStateStore } from '../../src/engine/store/sqlite-state-store.js';
import { createHostVirtualFs } from '../../src/engine/store/host-virtual-fs.js';
import { addServer, createMockExchange } from '../../src/engine/index.js';
import { createStateKeyPool, PooledKeyTaken } from '../../src/engine/key-pool.js';
import type { StateStore } from '../../src/engine/org-state.js';
import { exportPublicKeySpki, importPrivateKeyPkcs8, parseCertificateRequest } from '../../src/pki/index.js';
import { pooledKeys } from './support/key-pool.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function freshStore(): StateStore {
  const dir = mkdtempSync(join(tmpdir(), 'exch-keypool-'));
  dirs.push(dir);
  return openSqliteStateStore(dir);
}

const poolIds = (store: StateStore): string[] =>
  ((store.read((tx) => tx.getValue('exchange.keyPool')) ?? []) as { id: string }[]).map((k) => k.id);

describe('the state key pool', () => {
  it('fills to its size in the background, hands out a pooled key and forgets it only when the claim commits', async () => {
    const store = freshStore();
    const pool = createStateKeyPool(store, 2);
    pool.refill();
    await pool.settled();
    const before = poolIds(store);
    expect(before).toHaveLength(2);
    const lease = await pool.lease(2048);
    // A transaction that fails after the claim rolls it back: the key stays in the pool.
    expect(() =>
      store.write((tx) => {
        lease.claim(tx);
        throw new Error('the call failed');
      }),
    ).toThrow('the call failed');
    expect(poolIds(store)).toEqual(before);
    store.write((tx) => lease.claim(tx));
    lease.committed();
    const left = poolIds(store);
    expect(left).toHaveLength(1);
    const claimed = before.find((id) => !left.includes(id));
    await pool.settled();
    expect(poolIds(store)).toHaveLength(2);
    expect(poolIds(store)).not.toContain(claimed);
    pool.close();
    store.close();
  }, 60_000);

  it('refuses a pooled key another process claimed first (the transaction rolls back)', async () => {
    const store = freshStore();
    const pool = createStateKeyPool(store, 1);
    pool.refill();
    await pool.settled();
    const first = await pool.lease(2048);
    const second = await pool.lease(2048);
    store.write((tx) => first.claim(tx));
    expect(() => store.write((tx) => second.claim(tx))).toThrow(PooledKeyTaken);
    pool.close();
    await pool.settled();
    store.close();
  }, 60_000);

  it('serves New-ExchangeCertificate -GenerateRequest from the pool; a refused call keeps the pool as it was', async () => {
    const store = freshStore();
    const fsDir = mkdtempSync(join(tmpdir(), 'exch-keypool-fs-'));
    dirs.push(fsDir);
    const fs = createHostVirtualFs(fsDir);
    await addServer(
      store,
      { name: 'AMS-EXCH01', fqdn: 'AMS-EXCH01.labs.local', exchange: '2013' },
      new Date('2024-03-01T00:00:00Z'),
      pooledKeys,
    );
    const keyPool = createStateKeyPool(store, 1);
    keyPool.refill();
    await keyPool.settled();
    const ex = createMockExchange({ store, fs, keyPool });
    const call = (parameters: Record<string, unknown>) =>
      ex.invoke(
        {
          cmdlet: 'New-ExchangeCertificate',
          parameterSet: '',
          parameters,
          connectedServer: 'AMS-EXCH01',
          shell: '5.1',
          line: 1,
          column: 1,
        },
        { answer: () => 'Y' },
      );
    const pooled = (store.read((tx) => tx.getValue('exchange.keyPool')) as { pkcs8: Uint8Array }[])[0]!;
    const refused = await call({ generateRequest: true, subjectName: 'CN=a.contoso.com', domainName: ['not a name!'] });
    expect(refused.errors).toHaveLength(1);
    expect(poolIds(store)).toHaveLength(1);
    const made = await call({ generateRequest: true, subjectName: 'CN=a.contoso.com', domainName: ['a.contoso.com'] });
    expect(made.errors).toEqual([]);
    const request = parseCertificateRequest(made.output[0] as string);
    expect(
      Buffer.from(request.publicKey).equals(Buffer.from(exportPublicKeySpki(importPrivateKeyPkcs8(pooled.pkcs8)))),
    ).toBe(true);
    await keyPool.settled();
    expect(poolIds(store)).toHaveLength(1);
    keyPool.close();
    store.close();
  }, 60_000);

  it('without refill after use (a CLI process), a taken key is not replaced and nothing runs at close', async () => {
    const store = freshStore();
    const pool = createStateKeyPool(store, 2, { refillAfterUse: false });
    pool.refill(); // explicit refills (a new state) still fill it
    await pool.settled();
    expect(poolIds(store)).toHaveLength(2);
    const lease = await pool.lease(2048);
    store.write((tx) => lease.claim(tx));
    lease.committed();
    await new Promise((resolve) => setImmediate(resolve));
    await pool.settled();
    expect(poolIds(store)).toHaveLength(1);
    // An empty pool makes the key the call needs, and still does not fill itself afterwards.
    const second = await pool.lease(2048);
    store.write((tx) => second.claim(tx));
    second.committed();
    const third = await pool.lease(2048);
    third.committed();
    await new Promise((resolve) => setImmediate(resolve));
    await pool.settled();
    expect(poolIds(store)).toHaveLength(0);
    pool.close();
    store.close();
  }, 60_000);
});
