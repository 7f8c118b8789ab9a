// Writes fixtures/bootstrap/*.ps1 from the bootstrap generators (review the diff before committing).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOOTSTRAP_CASES } from '../test/backend/session/bootstrap-cases.js';

for (const c of BOOTSTRAP_CASES) writeFileSync(join('fixtures', 'bootstrap', c.file), c.text());
