// Keys through the built CLI: `mock add-server` leaves the key pool full and the vendor CA made; a `run` takes a pooled
// key and exits without making a new one; `ca issue` uses the CA it finds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { openSqliteStateStore } from '../../src/engine/store/sqlite-state-store.js';
import { exchcert, tempDir } from './support/mock-cli.js';

const work = tempDir('exchcert-pool-');
const state = join(work, 'state');

function values(): { pool: string[]; ca: string | null } {
  const store = openSqliteStateStore(state);
  try {
    return store.read((tx) => ({
      pool: ((tx.getValue('exchange.keyPool') ?? []) as { id: string }[]).map((k) => k.id),
      ca: (tx.getValue('vendorCa') as { root: { certificatePem: string } } | undefined)?.root.certificatePem ?? null,
    }));
  } finally {
    store.close();
  }
}

describe('the key pool and the vendor CA through CLI processes', () => {
  let afterAdd: ReturnType<typeof values>;
  beforeAll(() => {
    const added = exchcert(['mock', 'add-server', 'AMS-EXCH01', '--exchange', '2013', '--state', state]);
    expect(added).toMatchObject({ code: 0, err: '' });
    afterAdd = values();
    mkdirSync(join(state, 'fs', 'C', 'install'), { recursive: true });
  }, 120_000);

  it('a state made by mock add-server has its pool full and its vendor CA', () => {
    expect(afterAdd.pool).toHaveLength(3);
    expect(afterAdd.ca).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('run takes one pooled key and leaves the pool short (no refill before exit); ca issue keeps the CA', () => {
    writeFileSync(
      join(work, 'part1.ps1'),
      [
        '$RequestData = New-ExchangeCertificate -GenerateRequest -Server AMS-EXCH01 -SubjectName "CN=a.contoso.com"',
        'Set-Content -path "C:\\install\\ssl-request.req" -value $RequestData',
      ].join('\n'),
    );
    expect(exchcert(['run', join(work, 'part1.ps1'), '--state', state])).toMatchObject({ code: 0, err: '' });
    const afterRun = values();
    expect(afterRun.pool).toHaveLength(2);
    expect(afterAdd.pool).toEqual(expect.arrayContaining(afterRun.pool));
    const issued = exchcert(['ca', 'issue', 'C:\\install\\ssl-request.req', '--out', 'C:\\a.cer', '--state', state]);
    expect(issued).toMatchObject({ code: 0, err: '' });
    expect(values()).toEqual(afterRun);
  }, 120_000);
});
