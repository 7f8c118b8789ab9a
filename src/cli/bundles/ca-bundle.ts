// The bundle of `exchcert ca`: the simulated vendor CA, without yargs.
import { caCommand } from '../commands/ca.js';
import { fastBundle } from './bundle-main.js';

/** `exchcert ca issue ...` through the fast path (null: the full CLI takes it). */
export const main = fastBundle((io, done) => [caCommand(io, done)]);
