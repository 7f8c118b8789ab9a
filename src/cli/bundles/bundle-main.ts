// What every command bundle exports, and the fast bundles' common start.
import { setKeyPoolRefillAfterUse } from '../../backend/mock/key-pool-refill.js';
import type { CliIo } from '../cli-io.js';
import type { CommandModules } from '../fast/run-fast.js';
import { runFast } from '../fast/run-fast.js';

/** A bundle's entry: the exit code, or null when the full CLI (yargs) must take the command line. */
export type BundleMain = (argv: readonly string[], io: CliIo) => Promise<number> | null;

/**
 * The entry of a bundle that runs `modules` through the fast path. These commands exit after one call, so the key pool
 * is not topped up after use (no exit waits for a key; refilling is for the shell, engines and new states).
 * @example export const main = fastBundle((io, done) => [runCommand(io, done)]);
 */
export function fastBundle(modules: CommandModules): BundleMain {
  return (argv, io) => {
    setKeyPoolRefillAfterUse(false);
    return runFast(modules, argv, io);
  };
}
