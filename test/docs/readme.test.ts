import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { APPROXIMATED_MESSAGES } from '../../src/engine/approximated-messages.js';

const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

describe('README.md', () => {
  it('opens with the two fresh-machine commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(firstBlock).toMatch(/^npm ci && npm start\b/m);
    expect(firstBlock).toMatch(/^npm test\b/m);
  });
  it('lists every message the mock approximates (npx tsx scripts/readme-approximations.ts keeps it in sync)', () => {
    for (const m of APPROXIMATED_MESSAGES) expect(readme).toContain(`| ${m.id} | ${m.text.replace(/\|/g, '\\|')} |`);
  });
  it('.ci/run runs the test command README names', () => {
    const ci = readFileSync(join(import.meta.dirname, '..', '..', '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm test$/m);
  });
});

describe('the repository stands on its own', () => {
  const docs = ['README.md', 'docs/ARCHITECTURE.md', 'docs/reference/README.md'];
  it.each(docs)('%s never points outside the repository', (file) => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', file), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared|shared\/(spec|design)/);
  });
  it('the reference facts the code cites are in docs/reference', () => {
    for (const f of ['SEMANTICS.md', 'ERRORS.md', 'VERSIONS.md', 'POWERSHELL-LEXICAL.md', 'SEED-RUNBOOK.md']) {
      expect(
        readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'reference', f), 'utf8').length,
      ).toBeGreaterThan(1000);
    }
  });
});
