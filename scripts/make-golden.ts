// Rewrites fixtures/golden/<dialect>/<case>.ps1 from test/support/golden-cases.ts (review the diff before committing).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '../src/dialect/render.js';
import { GOLDEN_CASES } from '../test/support/golden-cases.js';

const root = join(import.meta.dirname, '..', 'fixtures', 'golden');
for (const c of GOLDEN_CASES) {
  for (const [dir, options] of Object.entries(c.options)) {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, `${c.name}.ps1`), `${render(c.input, options!)}\n`);
  }
}
console.log(`wrote ${GOLDEN_CASES.reduce((n, c) => n + Object.keys(c.options).length, 0)} golden files under ${root}`);
