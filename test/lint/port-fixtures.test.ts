// The old-style runbooks under fixtures/port/, ported to current targets, lint clean there; porting twice = once.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/lint/lint.js';

const DIR = join(import.meta.dirname, '../../fixtures/port');
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.ps1'));
const TARGETS = [
  ['2019-CU14', '2.0'],
  ['2019-CU14', '5.1'],
  ['2019-CU14', '7'],
  ['SE', '5.1'],
  ['SE', '7'],
  ['2016-CU23', '5.1'],
] as const;

describe('ported fixtures lint clean for their target', () => {
  it('there are fixtures', () => expect(FIXTURES.length).toBeGreaterThanOrEqual(2));
  for (const f of FIXTURES) {
    for (const [exchange, shell] of TARGETS) {
      it(`${f} -> Exchange ${exchange}, PowerShell ${shell}`, () => {
        const text = readFileSync(join(DIR, f), 'utf8');
        const options = { exchange, shell, unattended: true, secrets: 'variable' as const };
        expect(lint(text, options).length).toBeGreaterThan(0);
        const r = lint(text, { ...options, fix: true });
        expect(r.findings).toEqual([]);
        expect(lint(r.text, options)).toEqual([]);
        expect(lint(r.text, { ...options, fix: true }).text).toBe(r.text);
      });
    }
  }
});
