// The SQLite store against the shared contract, plus what only a file-backed store has: files, modes, reopening.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeCertificateRecord, fakeServerRecord } from '../../../src/engine/store/fake-records.js';
import {
  copyStateDatabase,
  openSqliteStateStore,
  STATE_DB_FILE,
} from '../../../src/engine/store/sqlite-state-store.js';
import { STATE_SCHEMA_VERSION } from '../../../src/engine/store/state-schema.js';
import { caught } from '../../pki/caught.js';
import { scratch } from '../../pki/openssl.js';
import { CERTIFICATE_FACTS } from '../../../src/pki/certificate-facts-json.js';
import { describeStateStoreContract } from './support/state-store-contract.js';
import { integrityCheck } from './support/writer-state-check.js';

const temp = (): string => mkdtempSync(join(tmpdir(), 'exchcert-store-'));

describeStateStoreContract('sqlite', () => {
  const dir = temp();
  const store = openSqliteStateStore(join(dir, 'state'));
  return {
    store,
    dispose: () => {
      try {
        store.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
});

describe('openSqliteStateStore', () => {
  let base: string;
  beforeEach(() => {
    base = temp();
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('creates the folder 0700 and state.db with its -wal/-shm files 0600, in WAL mode', () => {
    const dir = join(base, 'nested', '.exchcert');
    const store = openSqliteStateStore(dir);
    store.write((tx) => tx.putServer(fakeServerRecord('EX01')));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm'])
      expect(statSync(join(dir, STATE_DB_FILE + suffix)).mode & 0o777).toBe(0o600);
    store.close();
    const db = new Database(join(dir, STATE_DB_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(STATE_SCHEMA_VERSION);
    db.close();
  });

  it('narrows an existing state.db to 0600 and leaves an existing folder mode alone', () => {
    chmodSync(base, 0o755);
    writeFileSync(join(base, STATE_DB_FILE), '', { mode: 0o644 });
    chmodSync(join(base, STATE_DB_FILE), 0o644);
    openSqliteStateStore(base).close();
    expect(statSync(join(base, STATE_DB_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(base).mode & 0o777).toBe(0o755);
  });

  it('keeps everything across close and reopen; the state is intact', () => {
    const cert = fakeCertificateRecord('EX01');
    const first = openSqliteStateStore(base);
    first.write((tx) => {
      tx.putServer(fakeServerRecord('EX01'));
      tx.putCertificate(cert);
      tx.putValue('ca', { der: new Uint8Array([1, 2]) });
    });
    first.close();
    const again = openSqliteStateStore(base);
    expect(again.read((tx) => tx.getCertificate('ex01', cert.thumbprint))).toEqual(cert);
    expect(again.read((tx) => tx.getValue('ca'))).toEqual({ der: new Uint8Array([1, 2]) });
    again.close();
    expect(integrityCheck(base)).toBe('ok');
  });

  it("stores a certificate's facts beside its DER (a later process shows it without parsing X.509)", () => {
    const tmp = scratch();
    try {
      const made = tmp.openssl(
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        tmp.path('k.pem'),
        '-outform',
        'DER',
        '-out',
        tmp.path('c.cer'),
        '-subj',
        '/CN=mail.contoso.com',
        '-days',
        '30',
      );
      expect(made.status).toBe(0);
      const der = new Uint8Array(tmp.read('c.cer'));
      const cert = {
        ...fakeCertificateRecord('EX01'),
        der,
        thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
      };
      const store = openSqliteStateStore(base, { certificateFacts: CERTIFICATE_FACTS });
      store.write((tx) => {
        tx.putServer(fakeServerRecord('EX01'));
        tx.putCertificate(cert);
        tx.putCertificate(fakeCertificateRecord('EX01'));
      });
      const facts = store.read((tx) => tx.getValue(`certificate-facts:${cert.thumbprint}`)) as {
        subject: string;
        thumbprint: string;
      };
      expect(facts).toMatchObject({ subject: 'CN=mail.contoso.com', thumbprint: cert.thumbprint });
      expect(store.read((tx) => tx.getCertificate('EX01', cert.thumbprint))).toEqual(cert);
      store.close();
    } finally {
      tmp.remove();
    }
  });

  it('keeps the facts of a CA certificate the state refers to; a later reader takes them once', () => {
    const known = new Set<string>();
    const read: [string, string][] = [];
    const codec = {
      write: (der: Uint8Array) => `facts of ${der.length} bytes`,
      known: (t: string) => known.has(t),
      read: (_der: Uint8Array, t: string, text: string) => {
        read.push([t, text]);
        known.add(t);
      },
    };
    const der = new Uint8Array([1, 2, 3]);
    const t = 'AB'.repeat(20);
    const writer = openSqliteStateStore(base, { certificateFacts: codec });
    writer.write((tx) => tx.putCertificateFacts(der, t));
    expect(caught(() => writer.read((tx) => tx.putCertificateFacts(der, t))).code).toBe('READ_ONLY_TRANSACTION');
    writer.close();
    const reader = openSqliteStateStore(base, { certificateFacts: codec, readonly: true });
    reader.read((tx) => {
      tx.loadCertificateFacts(der, t);
      tx.loadCertificateFacts(der, t);
      tx.loadCertificateFacts(der, 'CD'.repeat(20));
    });
    reader.close();
    expect(read).toEqual([[t, 'facts of 3 bytes']]);
  });

  it('sees commits of another connection in the next transaction', () => {
    const a = openSqliteStateStore(base);
    const b = openSqliteStateStore(base);
    a.write((tx) => tx.putValue('k', 1));
    expect(b.read((tx) => tx.getValue('k'))).toBe(1);
    b.write((tx) => tx.putValue('k', 2));
    expect(a.read((tx) => tx.getValue('k'))).toBe(2);
    a.close();
    b.close();
  });

  it('opens read-only without writing, and refuses write()', () => {
    expect(caught(() => openSqliteStateStore(join(base, 'none'), { readonly: true })).code).toBe('STATE_NOT_FOUND');
    expect(existsSync(join(base, 'none'))).toBe(false);
    const writer = openSqliteStateStore(base);
    writer.write((tx) => tx.putValue('k', 'v'));
    const reader = openSqliteStateStore(base, { readonly: true });
    expect(reader.read((tx) => tx.getValue('k'))).toBe('v');
    expect(caught(() => reader.write((tx) => tx.putValue('k', 'w'))).code).toBe('STORE_READ_ONLY');
    reader.close();
    writer.close();
  });

  it('refuses a state from a newer schema and a file that is not a database', () => {
    openSqliteStateStore(base).close();
    const db = new Database(join(base, STATE_DB_FILE));
    db.pragma(`user_version = ${STATE_SCHEMA_VERSION + 1}`);
    db.close();
    const tooNew = caught(() => openSqliteStateStore(base));
    expect(tooNew.code).toBe('STATE_TOO_NEW');
    expect(tooNew.message).toContain('Use a newer exchcert');

    const garbage = join(base, 'garbage');
    openSqliteStateStore(garbage).close();
    rmSync(join(garbage, STATE_DB_FILE));
    writeFileSync(
      join(garbage, STATE_DB_FILE),
      'this is not a database, just some text that is long enough'.repeat(20),
      { mode: 0o600 },
    );
    const unreadable = caught(() => openSqliteStateStore(garbage));
    expect(unreadable.code).toBe('STATE_UNREADABLE');
    expect(unreadable.message).toContain(`'${garbage}'`);
  });
});

describe('copyStateDatabase', () => {
  it('copies what a still-open writer committed, as a 0600 file, and leaves the source as it was', () => {
    const dir = temp();
    const writer = openSqliteStateStore(join(dir, 'from'));
    writer.write((tx) => tx.putServer(fakeServerRecord('EX01')));
    copyStateDatabase(join(dir, 'from'), join(dir, 'to'));
    writer.write((tx) => tx.putServer(fakeServerRecord('EX02')));
    const copy = openSqliteStateStore(join(dir, 'to'), { readonly: true });
    expect(copy.read((tx) => tx.listServers().map((s) => s.name))).toEqual(['EX01']);
    copy.close();
    expect(statSync(join(dir, 'to', STATE_DB_FILE)).mode & 0o777).toBe(0o600);
    expect(writer.read((tx) => tx.listServers().length)).toBe(2);
    writer.close();
    const missing = caught(() => copyStateDatabase(join(dir, 'none'), join(dir, 'to2')));
    expect(missing.code).toBe('STATE_NOT_FOUND');
    expect(existsSync(join(dir, 'to2'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
