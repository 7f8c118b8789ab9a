// Schema version 2: a version-1 state gets the whole Auth configuration, its current certificate the one it kept.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStateStore, STATE_DB_FILE } from '../../../src/engine/store/sqlite-state-store.js';
import { migrateStateSchema, STATE_SCHEMA_VERSION } from '../../../src/engine/store/state-schema.js';

const AUTH = 'F19491338354C26B657E3DCF2422F018354DD99B';

describe('state schema migration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'exchcert-schema-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('version 1 -> 2 moves authCertificateThumbprint into authConfig (current), keeping everything else', () => {
    const db = new Database(join(dir, STATE_DB_FILE));
    // A version-1 database: only the first migration step, then an organization as version 1 wrote it.
    db.pragma('user_version = 0');
    migrateStateSchema(db, false);
    expect(STATE_SCHEMA_VERSION).toBe(2);
    db.pragma('user_version = 1');
    db.prepare('INSERT OR REPLACE INTO org_config (id, config) VALUES (1, ?)').run(
      JSON.stringify({ acceptedDomains: [], connectors: [], authCertificateThumbprint: AUTH, clockOffsetMs: 5 }),
    );
    db.close();
    const store = openSqliteStateStore(dir);
    const org = store.read((tx) => tx.getOrgConfig());
    store.close();
    expect(org.clockOffsetMs).toBe(5);
    expect(org.authConfig).toEqual({
      currentCertificateThumbprint: AUTH,
      previousCertificateThumbprint: null,
      nextCertificateThumbprint: null,
      nextCertificateEffectiveDate: null,
      serviceName: '00000002-0000-0ff1-ce00-000000000000',
      realm: '',
    });
    const check = new Database(join(dir, STATE_DB_FILE), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(2);
    check.close();
  });
});
