// The SQLite schema of the state database and its migration, keyed by `PRAGMA user_version`.
import type { Database } from 'better-sqlite3';
import { basename, dirname } from 'node:path';
import { StoreError } from './store-error.js';

/** The schema version this exchcert writes; a state with a higher one is refused. */
export const STATE_SCHEMA_VERSION = 2;

/** Version 1: one row per record; binary fields as BLOBs, configuration as JSON text. */
const SCHEMA_V1 = `
CREATE TABLE servers (
  server_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  fqdn TEXT NOT NULL,
  major TEXT NOT NULL,
  cu INTEGER NOT NULL,
  roles TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE certificates (
  server_key TEXT NOT NULL,
  thumbprint TEXT NOT NULL,
  server TEXT NOT NULL,
  der BLOB NOT NULL,
  private_key BLOB,
  exportable INTEGER NOT NULL CHECK (exportable IN (0, 1)),
  friendly_name TEXT NOT NULL,
  root_ca_type TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (server_key, thumbprint)
);
CREATE INDEX certificates_thumbprint ON certificates (thumbprint);
CREATE TABLE requests (
  server_key TEXT NOT NULL,
  thumbprint TEXT NOT NULL,
  server TEXT NOT NULL,
  csr BLOB NOT NULL,
  placeholder BLOB NOT NULL,
  private_key BLOB NOT NULL,
  exportable INTEGER NOT NULL CHECK (exportable IN (0, 1)),
  friendly_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (server_key, thumbprint)
);
CREATE TABLE server_config (
  server_key TEXT PRIMARY KEY,
  config TEXT NOT NULL
);
CREATE TABLE org_config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  config TEXT NOT NULL
);
CREATE TABLE kv (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

/**
 * Version 2: the organization's whole Auth configuration (Get-/Set-AuthConfig) in org_config; the current Auth
 * certificate is the one version 1 kept in authCertificateThumbprint.
 */
const AUTH_CONFIG_V2 = `
UPDATE org_config SET config = json_set(config, '$.authConfig', json_object(
  'currentCertificateThumbprint', json_extract(config, '$.authCertificateThumbprint'),
  'previousCertificateThumbprint', NULL,
  'nextCertificateThumbprint', NULL,
  'nextCertificateEffectiveDate', NULL,
  'serviceName', '00000002-0000-0ff1-ce00-000000000000',
  'realm', ''
)) WHERE json_type(config, '$.authConfig') IS NULL;
`;

/** Migration steps: index i takes the schema from version i to i + 1. */
const MIGRATIONS: readonly string[] = [SCHEMA_V1, AUTH_CONFIG_V2];

/**
 * Brings `db` to STATE_SCHEMA_VERSION inside one IMMEDIATE transaction (concurrent openers serialize; the
 * version is re-read under the lock). A read-only connection is only checked.
 * @example migrateStateSchema(db, false)
 */
export function migrateStateSchema(db: Database, readonly: boolean): void {
  const version = userVersion(db);
  if (version === STATE_SCHEMA_VERSION) return;
  if (version > STATE_SCHEMA_VERSION) throw tooNew(db, version);
  if (version === 0 && tableCount(db) > 0) {
    throw new StoreError(
      'STATE_FOREIGN',
      `The mock state folder '${dirname(db.name)}' holds a ${basename(db.name)} that exchcert did not create. ` +
        'Point --state at another folder, or move that file aside.',
    );
  }
  if (readonly) {
    throw new StoreError(
      'STATE_UNREADABLE',
      `The state '${db.name}' has schema version ${version} and must be opened writable once to upgrade it.`,
    );
  }
  db.transaction(() => {
    const current = userVersion(db);
    if (current > STATE_SCHEMA_VERSION) throw tooNew(db, current);
    for (let step = current; step < STATE_SCHEMA_VERSION; step += 1) db.exec(MIGRATIONS[step]!);
    db.pragma(`user_version = ${STATE_SCHEMA_VERSION}`);
  }).immediate();
}

function tooNew(db: Database, version: number): StoreError {
  return new StoreError(
    'STATE_TOO_NEW',
    `The mock state folder '${dirname(db.name)}' was written by a newer exchcert (schema version ${version}; ` +
      `this one understands up to ${STATE_SCHEMA_VERSION}). Use a newer exchcert, or point --state at another folder.`,
  );
}

/** Tables and indexes in the database (0 for a file exchcert has just created). */
function tableCount(db: Database): number {
  return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as { n: number })
    .n;
}

function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
