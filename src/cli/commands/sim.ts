// `exchcert sim module-path`: where the ExchcertSim module is, for Import-Module in one's own pwsh.
import type { CommandModule } from 'yargs';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';

/** `exchcert sim ...`. */
export function simCommand(io: CliIo, done: (code: number) => void): CommandModule {
  return {
    command: 'sim <command>',
    describe: 'the simulated Exchange for real PowerShell (the ExchcertSim module)',
    builder: (y) =>
      y
        .command({
          command: 'module-path',
          describe: 'print the ExchcertSim module folder (Import-Module it in your own pwsh)',
          handler: async () => {
            const { simModulePath } = await import('../../backend/sim/sim-module-path.js');
            io.stdout.write(`${simModulePath()}\n`);
            done(EXIT.ok);
          },
        })
        .demandCommand(1, 'Name a sim command: module-path.'),
    handler: () => undefined,
  };
}
