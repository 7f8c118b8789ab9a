// The bundle of the whole CLI on yargs: help, usage errors and every command line the fast path leaves.
import { setKeyPoolRefillAfterUse } from '../../backend/mock/key-pool-refill.js';
import { runCli } from '../run-cli.js';
import type { BundleMain } from './bundle-main.js';

/** Runs any command line through strict yargs; only the interactive shell tops key pools up after use. */
export const main: BundleMain = (argv, io) => {
  setKeyPoolRefillAfterUse(argv[0] === 'shell');
  return runCli(argv, io);
};
