// Rewrites README.md's list of approximated mock messages from src/engine/approximated-messages.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPROXIMATED_MESSAGES } from '../src/engine/approximated-messages.js';

const readme = join(import.meta.dirname, '..', 'README.md');
const text = readFileSync(readme, 'utf8');
const start = '<!-- approximated-messages:start -->';
const end = '<!-- approximated-messages:end -->';
const rows = APPROXIMATED_MESSAGES.map((m) => `| ${m.id} | ${m.text.replace(/\|/g, '\\|')} |`).join('\n');
const table = `${start}\n| id | text |\n|---|---|\n${rows}\n${end}`;
writeFileSync(readme, text.slice(0, text.indexOf(start)) + table + text.slice(text.indexOf(end) + end.length));
console.log(`README.md lists ${APPROXIMATED_MESSAGES.length} approximated messages`);
