// Issue 11, item 5: a damaged, foreign or newer-schema state gives one clear line naming the state folder and what to
// do, exit code 2, never "internal error"; the database is corrupted at every page in turn.
import { closeSync, cpSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { STATE_SCHEMA_VERSION } from '../../src/engine/store/state-schema.js';
import { exchcert, tempDir } from './support/mock-cli.js';
import type { CliResult } from './support/mock-cli.js';

const PAGE = 4096;
const RUNBOOK =
  'Get-ExchangeCertificate | Out-Null\nNew-ExchangeCertificate -SubjectName CN=x.contoso.com -DomainName x.contoso.com -Services None | Out-Null\n';
let dir: string;
let base: string;

beforeAll(() => {
  dir = tempDir('exchcert-state-errors-');
  base = join(dir, 'base');
  expect(exchcert(['run', '-', '--state', base], RUNBOOK).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the base state with `bytes` written at `offset` of state.db. */
function damaged(name: string, offset: number, bytes: Buffer): string {
  const state = join(dir, name);
  cpSync(base, state, { recursive: true });
  const fd = openSync(join(state, 'state.db'), 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
  return state;
}

/** The CLI either worked (the damage missed what it read) or said so in one line naming the folder, exit 2. */
function expectClearOrFine(r: CliResult, state: string): boolean {
  expect(`${r.out}${r.err}`).not.toMatch(/internal error|interpreter failed|SqliteError|\n\s+at /);
  if (r.code === 0) return false;
  expect(r.code).toBe(2);
  expect(r.err).toMatch(
    new RegExp(`^exchcert: The mock state folder '${state.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}' .+\\n$`),
  );
  expect(r.err.split('\n')).toHaveLength(2);
  return true;
}

describe('state errors', () => {
  it('a database damaged at any page gives one line and exit 2 for run and the typed commands', () => {
    const pages = Math.floor(statSync(join(base, 'state.db')).size / PAGE);
    let refused = 0;
    for (let page = 0; page < pages; page += 1) {
      const garbage = Buffer.alloc(PAGE, page === 0 ? 0x41 : 0xff);
      garbage.writeUInt32BE(0x0dff0013, 0);
      const state = damaged(`page-${page}`, page * PAGE, garbage);
      if (expectClearOrFine(exchcert(['run', '-', '--state', state], RUNBOOK), state)) refused += 1;
      if (page % 4 === 0) expectClearOrFine(exchcert(['get', '--backend', 'mock', '--state', state]), state);
    }
    expect(refused).toBeGreaterThanOrEqual(Math.floor(pages / 2));
  });

  it('a damaged record inside a page (bytes in a JSON value) gives the same line', () => {
    const state = damaged('mid-page', 3 * PAGE + 2000, Buffer.alloc(64, 0x01));
    expectClearOrFine(exchcert(['run', '-', '--state', state], RUNBOOK), state);
  });

  it('a newer schema names the folder and says to use a newer exchcert', () => {
    const state = join(dir, 'newer');
    cpSync(base, state, { recursive: true });
    const db = new Database(join(state, 'state.db'));
    db.pragma(`user_version = ${STATE_SCHEMA_VERSION + 1}`);
    db.close();
    const r = exchcert(['run', '-', '--state', state], RUNBOOK);
    expect(expectClearOrFine(r, state)).toBe(true);
    expect(r.err).toContain('Use a newer exchcert');
  });

  it('a foreign SQLite database in the state folder is refused, not changed', () => {
    const state = join(dir, 'foreign');
    cpSync(base, state, { recursive: true, filter: (f) => !f.endsWith('state.db') });
    const foreign = new Database(join(state, 'state.db'));
    foreign.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    foreign.close();
    const r = exchcert(['run', '-', '--state', state], RUNBOOK);
    expect(expectClearOrFine(r, state)).toBe(true);
    expect(r.err).toContain('exchcert did not create');
    const after = new Database(join(state, 'state.db'), { readonly: true });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'invoices' }]);
    after.close();
  });
});
