// How the store tests start a TypeScript child process: node with the tsx loader, from the repository root.
import { fileURLToPath } from 'node:url';

/** The repository root (tsx is resolved from here). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

/** A support script of this folder, by file name. */
export function supportScript(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

/** `[command, args]` running `script` with tsx under this Node. */
export function tsxCommand(script: string, args: readonly string[]): readonly [string, readonly string[]] {
  return [process.execPath, ['--import', 'tsx', script, ...args]];
}

/** The environment for children: jest's NODE_OPTIONS (--experimental-vm-modules) removed. */
export function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  return env;
}
