// Writes powershell/ExchcertSim/ (manifest, script module, format file) from the built spec tables (npm run build).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simModuleFiles } from '../dist/backend/sim/sim-module.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'powershell', 'ExchcertSim');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const [name, text] of Object.entries(simModuleFiles(version))) writeFileSync(join(out, name), text);
