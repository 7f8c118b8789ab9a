import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { compile } from '../../dialect/render.js';
import { DIALECTS } from '../../dialect/dialects.js';
import { SEED_PARAMETERS, seedRunbook } from '../../examples/seed-runbook.js';
import { mockBackend, runSeedOnMock } from '../../examples/seed-on-mock.js';
import { parseShellVersion } from '../../spec/shell-version.js';
import { commandModule } from '../command-module.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { printRunResult } from '../print-result.js';

/** The arguments of `exchcert demo`. */
type DemoArgs = {
  print?: boolean | undefined;
  state?: string | undefined;
  shell?: string | undefined;
  secrets?: string | undefined;
};

/** `exchcert demo`: the reference lifecycle run on a fresh mock (or, with --print, its lines for every dialect). */
export function demoCommand(io: CliIo, done: (code: number) => void): CommandModule {
  return commandModule<DemoArgs>({
    command: 'demo',
    describe:
      'run the reference certificate lifecycle (SEED-RUNBOOK.md) on a fresh mock, printing each exact line and its result',
    builder: (y) =>
      y
        .option('print', { type: 'boolean', describe: 'only print the lifecycle for every PowerShell dialect' })
        .option('state', { type: 'string', describe: 'state folder to use (default: a new temporary folder)' })
        .option('shell', { type: 'string', describe: 'dialect to run as: 2.0, 5.1 (default) or 7' })
        .option('secrets', { type: 'string', describe: 'with --print: variable (default) or inline' }),
    handler: async (a) => {
      if (a.print) {
        const secrets = a.secrets === 'inline' ? 'inline' : 'variable';
        for (const d of DIALECTS) {
          const exchange = d.shell === '2.0' ? '2010' : '2013';
          const params =
            d.shell === '2.0' ? { ...SEED_PARAMETERS, exportStyle: 'exportToFile' as const } : SEED_PARAMETERS;
          const c = compile(seedRunbook(params), { shell: d.shell, exchange, secrets });
          io.stdout.write(
            `# ${d.title}, Exchange ${exchange}${secrets === 'variable' ? ' (the backend sets $ExchcertPassword; --secrets inline shows the seed form)' : ''}\n${c.text}\n\n`,
          );
        }
        done(EXIT.ok);
        return;
      }
      const dir = a.state ? a.state : mkdtempSync(join(tmpdir(), 'exchcert-demo-'));
      const shell = parseShellVersion(a.shell);
      const backend = mockBackend({ state: dir });
      let failed = false;
      try {
        io.stdout.write(
          `# Mock state: ${dir} (AMS-EXCH01 runs Exchange 2013, RESEXCH01 Exchange 2010; ${shell === '7' ? 'PowerShell 7' : `Windows PowerShell ${shell}`})\n`,
        );
        await runSeedOnMock(backend, shell, undefined, (step, result) => {
          io.stdout.write(`\n# ${step}\n`);
          if (result) {
            printRunResult(result, shell, io, { echo: true });
            failed ||= !result.ok;
          }
        });
        const check = await backend.runText(
          "Get-ExchangeCertificate -Server 'AMS-EXCH01'\nGet-ExchangeCertificate -Server 'RESEXCH01'",
          shell,
        );
        io.stdout.write('\n# the result on both servers\n');
        printRunResult(check, shell, io, { echo: true });
        failed ||= !check.ok;
        io.stdout.write(
          `\n# Files: ${join(dir, 'fs', 'C', 'install')} (hand ssl-request.req to a real vendor, drop the .cer back in)\n`,
        );
      } finally {
        await backend.close();
      }
      done(failed ? EXIT.failed : EXIT.ok);
    },
  });
}
