// The state store of the mock shell: one SQLite database (WAL) in the state folder, shared safely by concurrent CLI processes.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StateStore, StateTransaction } from '../org-state.js';
import type { SqliteTransaction } from './sqlite-transaction.js';
import { runGuarded } from './guarded-transaction.js';
import { sqliteNativeBinding } from './sqlite-native-binding.js';
import { createSqliteTransaction } from './sqlite-transaction.js';
import type { CertificateFactsCodec } from './sqlite-transaction.js';
import { migrateStateSchema } from './state-schema.js';
import { StoreError } from './store-error.js';

/** The database file inside the state folder. */
export const STATE_DB_FILE = 'state.db';

/** How long a process waits for another one's write transaction before failing (SQLITE_BUSY). */
export const BUSY_TIMEOUT_MS = 10_000;

/** Options of openSqliteStateStore. */
export interface SqliteStateStoreOptions {
  /** Open without writing anything (the state must exist); write() then throws STORE_READ_ONLY. */
  readonly readonly?: boolean;
  /** Stores each certificate's facts beside its DER and hands them back on reads (the mock passes the PKI's). */
  readonly certificateFacts?: CertificateFactsCodec;
}

/**
 * Opens (creating when missing) the state in `dir`: `<dir>/state.db`, mode 0600 (its -wal/-shm files too), dir 0700.
 *
 * Durability: WAL with `synchronous=NORMAL`. A commit is in the WAL file (the OS page cache) before write() returns, so
 * it survives the process being killed at any point (SIGKILL, crash); the WAL is fsync'ed at each checkpoint, so power
 * loss or an OS crash can at most roll back the last commits, never tear or corrupt the state (WAL frames are
 * checksummed). That is the mock's promise; FULL would add an fsync to every cmdlet call. write() is BEGIN IMMEDIATE,
 * so concurrent processes queue on the write lock for up to BUSY_TIMEOUT_MS; read() is deferred and never waits on writers.
 * @example
 * const store = openSqliteStateStore('./.exchcert');
 * store.write((tx) => tx.putValue('ca', { serial: 1 }));
 * store.close();
 */
export function openSqliteStateStore(dir: string, options: SqliteStateStoreOptions = {}): StateStore {
  const readonly = options.readonly ?? false;
  const file = join(dir, STATE_DB_FILE);
  if (readonly && !existsSync(file))
    throw new StoreError('STATE_NOT_FOUND', `There is no state in '${dir}' (no ${STATE_DB_FILE}).`);
  if (!readonly) {
    try {
      createPrivateFile(dir, file);
    } catch (error) {
      throw unreadable(file, error);
    }
  }
  let db: Database.Database;
  try {
    db = new Database(file, { ...sqliteNativeBinding(), readonly, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    configure(db, readonly);
    migrateStateSchema(db, readonly);
  } catch (error) {
    db.close();
    throw error instanceof StoreError ? error : unreadable(file, error);
  }
  if (!readonly) for (const sidecar of ['-wal', '-shm']) restrictMode(file + sidecar);
  return new SqliteStateStore(db, options.certificateFacts);
}

/** Creates `dir` (0700) and an empty `file` (0600) when missing, and narrows an existing file to 0600. */
function createPrivateFile(dir: string, file: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  restrictMode(file);
}

function restrictMode(file: string): void {
  try {
    chmodSync(file, 0o600);
  } catch {
    // Missing sidecar or a file owned by someone else: SQLite gives sidecars the database file's mode anyway.
  }
}

/** WAL (kept in the file) and synchronous=NORMAL; the busy timeout is the Database option (sqlite3_busy_timeout). */
function configure(db: Database.Database, readonly: boolean): void {
  if (!readonly && db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
}

/** A state the store cannot use, as one line naming the state folder and what to do. */
export function unreadable(file: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const reason = ((error as Error)?.message ?? String(error)).split('\n')[0];
  return new StoreError(
    'STATE_UNREADABLE',
    `The mock state folder '${dirname(file)}' is damaged or unreadable (${STATE_DB_FILE}: ${reason}). ` +
      'Move the folder aside or delete it to start a fresh state, or restore it from a backup.',
    { cause: error },
  );
}

/** True for SQLite failures that mean the database file itself is unusable (not a busy lock or a constraint). */
function isDamage(error: unknown): boolean {
  if (error instanceof SyntaxError && /JSON/.test(error.message)) return true; // a damaged record
  const code = (error as { code?: unknown })?.code;
  return (
    typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR|CANTOPEN|FORMAT|SCHEMA|ERROR|MISMATCH|RANGE)/.test(code)
  );
}

class SqliteStateStore implements StateStore {
  readonly #db: Database.Database;
  readonly #tx: SqliteTransaction;
  readonly #runRead: Database.Transaction<(fn: (tx: StateTransaction) => unknown) => unknown>;
  readonly #runWrite: Database.Transaction<(fn: (tx: StateTransaction) => unknown) => unknown>;
  #active = false;
  #closed = false;

  constructor(db: Database.Database, facts: CertificateFactsCodec | undefined) {
    this.#db = db;
    this.#tx = createSqliteTransaction(db, facts);
    this.#runRead = db.transaction((fn: (tx: StateTransaction) => unknown) => {
      this.#tx.reset();
      return runGuarded(this.#tx, false, fn);
    });
    this.#runWrite = db.transaction((fn: (tx: StateTransaction) => unknown) => {
      this.#tx.reset();
      return runGuarded(this.#tx, true, fn);
    });
  }

  read<T>(fn: (tx: StateTransaction) => T): T {
    return this.#run(() => this.#runRead.deferred(fn) as T);
  }

  write<T>(fn: (tx: StateTransaction) => T): T {
    if (this.#db.readonly && !this.#closed)
      throw new StoreError('STORE_READ_ONLY', `The state '${this.#db.name}' was opened read-only.`);
    return this.#run(() => this.#runWrite.immediate(fn) as T);
  }

  close(): void {
    if (this.#closed) return;
    if (this.#active)
      throw new StoreError('TRANSACTION_NESTED', 'The state cannot be closed inside one of its transactions.');
    this.#closed = true;
    this.#db.close();
  }

  #run<T>(body: () => T): T {
    if (this.#closed) throw new StoreError('STORE_CLOSED', `The state '${this.#db.name}' is closed.`);
    if (this.#active)
      throw new StoreError(
        'TRANSACTION_NESTED',
        'A transaction is already running on this state; use the tx it was given.',
      );
    this.#active = true;
    try {
      return body();
    } catch (error) {
      throw isDamage(error) ? unreadable(this.#db.name, error) : error;
    } finally {
      this.#active = false;
    }
  }
}

/**
 * Copies the state database of `dir` into `toDir` (created 0700) as one consistent snapshot, even while other
 * processes write to it (SQLite's VACUUM INTO); the copy is mode 0600.
 * @example copyStateDatabase('./.exchcert', '/tmp/scratch-state');
 */
export function copyStateDatabase(dir: string, toDir: string): void {
  const from = join(dir, STATE_DB_FILE);
  if (!existsSync(from))
    throw new StoreError('STATE_NOT_FOUND', `There is no state in '${dir}' (no ${STATE_DB_FILE}).`);
  if (!existsSync(toDir)) mkdirSync(toDir, { recursive: true, mode: 0o700 });
  const to = join(toDir, STATE_DB_FILE);
  let db: Database.Database;
  try {
    db = new Database(from, {
      ...sqliteNativeBinding(),
      readonly: true,
      fileMustExist: true,
      timeout: BUSY_TIMEOUT_MS,
    });
  } catch (error) {
    throw unreadable(from, error);
  }
  try {
    db.prepare('VACUUM INTO ?').run(to);
  } catch (error) {
    throw unreadable(from, error);
  } finally {
    db.close();
  }
  restrictMode(to);
}
