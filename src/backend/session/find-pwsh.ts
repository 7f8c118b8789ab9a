// Finds the PowerShell executable a session runs, or says in one line how to install it.
import { accessSync, constants, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PwshMissingError } from './session-errors.js';

/** The one line a missing pwsh gives. */
export const PWSH_INSTALL_HINT =
  'PowerShell 7 (pwsh) was not found. Install it (https://aka.ms/install-powershell, or ' +
  '`dotnet tool install --global PowerShell`) or name it with PWSH=/path/to/pwsh.';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The pwsh to start: the given path, $PWSH, pwsh on PATH, then ~/.dotnet/tools/pwsh; PwshMissingError when none.
 * @example findPwsh() // '/usr/bin/pwsh'
 */
export function findPwsh(given?: string): string {
  if (given) {
    if (executable(given)) return given;
    throw new PwshMissingError(`${given} is not an executable PowerShell. ${PWSH_INSTALL_HINT}`);
  }
  const names = process.platform === 'win32' ? ['pwsh.exe', 'powershell.exe'] : ['pwsh'];
  const candidates = [process.env.PWSH ?? ''];
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    for (const n of names) if (dir) candidates.push(join(dir, n));
  candidates.push(join(homedir(), '.dotnet', 'tools', names[0]!));
  const found = candidates.find((c) => c !== '' && executable(c));
  if (!found) throw new PwshMissingError(PWSH_INSTALL_HINT);
  return found;
}

/** The runner script shipped in the package (`powershell/runner/runner.ps1`), from src/, dist/ or the CLI bundle. */
export function runnerScriptPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'powershell', 'runner', 'runner.ps1');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new PwshMissingError('The exchcert package is incomplete: powershell/runner/runner.ps1 is missing.');
}
