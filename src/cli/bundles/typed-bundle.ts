// The bundle of the typed subcommands (new-request, get, ...): print a line or run it on the mock, without yargs.
import { typedCommandModule } from '../commands/typed.js';
import { TYPED_COMMANDS } from '../typed-commands.js';
import { fastBundle } from './bundle-main.js';

/** `exchcert get|new-request|... ...` through the fast path (null: the full CLI takes it). */
export const main = fastBundle((io, done) => TYPED_COMMANDS.map((cmd) => typedCommandModule(cmd, io, done)));
