// The bundle of `exchcert run`: the runbook on the mock, without yargs.
import { runCommand } from '../commands/run.js';
import { fastBundle } from './bundle-main.js';

/** `exchcert run ...` through the fast path (null: the full CLI takes it). */
export const main = fastBundle((io, done) => [runCommand(io, done)]);
