import type { CommandModule } from 'yargs';
import { compile } from '../../dialect/render.js';
import { DIALECTS } from '../../dialect/dialects.js';
import { SEED_PARAMETERS, seedRunbook } from '../../examples/seed-runbook.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';

/** `exchcert demo`: the reference lifecycle's exact lines in every dialect, from typed input. */
export function demoCommand(io: CliIo, done: (code: number) => void): CommandModule {
  return {
    command: 'demo',
    describe: 'print the reference certificate lifecycle (SEED-RUNBOOK.md) for every PowerShell dialect',
    builder: (y) => y.option('secrets', { type: 'string', describe: 'variable (default) or inline' }),
    handler: async (args) => {
      const secrets = (args as Record<string, unknown>).secrets === 'inline' ? 'inline' : 'variable';
      for (const d of DIALECTS) {
        const exchange = d.shell === '2.0' ? '2010' : '2013';
        const params = d.shell === '2.0' ? { ...SEED_PARAMETERS, exportStyle: 'exportToFile' as const } : SEED_PARAMETERS;
        const c = compile(seedRunbook(params), { shell: d.shell, exchange, secrets });
        io.stdout.write(`# ${d.title}, Exchange ${exchange}${secrets === 'variable' ? ' (the backend sets $ExchcertPassword; --secrets inline shows the seed form)' : ''}\n${c.text}\n\n`);
      }
      done(EXIT.ok);
    },
  };
}
