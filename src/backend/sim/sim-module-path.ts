// Where the ExchcertSim module and the CLI script that starts its engine are, from src/, dist/ or the CLI bundle.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '../../errors/validation-error.js';

/** The module's folder name (also its name for Import-Module). */
export const SIM_MODULE_NAME = 'ExchcertSim';

function packageFile(...parts: string[]): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, ...parts);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

/**
 * The folder `powershell/ExchcertSim` of the installed package (written by `npm run build`).
 * @example simModulePath() // '/usr/lib/node_modules/exchcert/powershell/ExchcertSim'
 */
export function simModulePath(): string {
  const manifest = packageFile('powershell', SIM_MODULE_NAME, `${SIM_MODULE_NAME}.psd1`);
  if (manifest === undefined)
    throw new ValidationError({
      code: 'MODULE_MISSING',
      parameter: 'sim',
      value: SIM_MODULE_NAME,
      allowed: 'a built package (npm run build writes powershell/ExchcertSim)',
      message: `The ${SIM_MODULE_NAME} module is missing from the package: run npm run build (it writes powershell/${SIM_MODULE_NAME}).`,
    });
  return dirname(manifest);
}
