// The bundle of `exchcert mock`: setting up the simulated organization, without yargs.
import { mockCommand } from '../commands/mock.js';
import { fastBundle } from './bundle-main.js';

/** `exchcert mock add-server ...` and the other mock commands through the fast path (null: the full CLI takes it). */
export const main = fastBundle((io, done) => [mockCommand(io, done)]);
