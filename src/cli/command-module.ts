// A yargs command whose handler reads typed arguments: the one place a typed module widens to the registry's type.
import type { CommandModule } from 'yargs';

/**
 * The module as the command lists hold it; yargs checks the builder against `A`, the handler reads `A` with no cast.
 * @example
 * commandModule<{ file: string }>({
 *   command: 'x <file>',
 *   builder: (y) => y.positional('file', { type: 'string', demandOption: true }),
 *   handler: (a) => console.log(a.file),
 * })
 */
export function commandModule<A>(module: CommandModule<object, A>): CommandModule {
  return module as unknown as CommandModule;
}
