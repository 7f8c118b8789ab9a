import type { ShellVersion } from '../spec/shell-version.js';
import type { Dialect } from './dialect.js';
import { ps2Dialect } from './ps2/ps2-dialect.js';
import { ps51Dialect } from './ps51/ps51-dialect.js';
import { ps7Dialect } from './ps7/ps7-dialect.js';

const BY_SHELL: Readonly<Record<ShellVersion, Dialect>> = Object.freeze({
  '2.0': ps2Dialect,
  '5.1': ps51Dialect,
  '7': ps7Dialect,
});

/** The dialect of a shell version. @example dialectFor('7').fileBytes.encodingByte // false */
export function dialectFor(shell: ShellVersion): Dialect {
  return BY_SHELL[shell];
}

/** Every dialect, oldest first. */
export const DIALECTS: readonly Dialect[] = Object.freeze([ps2Dialect, ps51Dialect, ps7Dialect]);
