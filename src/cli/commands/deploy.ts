// `exchcert deploy PFX --servers ...`: one PFX imported and enabled on many servers, a summary per server.
import type { Argv, CommandModule } from 'yargs';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../text-table.js';
import type { DeployArgs } from '../workflow-args.js';
import { listOption, requiredList, runWorkflow, withWorkflowOptions, workflowPassword } from '../workflow-run.js';

/** `exchcert deploy PFX --servers A,B --services IIS,SMTP --password-env NAME`. */
export function deployCommand(io: CliIo, done: (code: number) => void): CommandModule<object, DeployArgs> {
  return {
    command: 'deploy <pfx>',
    describe: 'import a PFX and enable services on many servers; a summary table per server',
    builder: (y) =>
      withWorkflowOptions(
        y
          .positional('pfx', {
            type: 'string',
            demandOption: true,
            describe: 'the PFX file, read on this machine and sent as bytes',
          })
          .option('servers', {
            type: 'string',
            array: true,
            demandOption: true,
            describe: 'servers to deploy to (a,b or repeated)',
          })
          .option('services', {
            type: 'string',
            array: true,
            default: ['IIS'],
            describe: 'services to enable: IIS, SMTP, POP, IMAP (SMTP with -Force)',
          })
          .example(
            '$0 deploy webmail.pfx --servers AMS-EXCH01,RESEXCH01 --services IIS,SMTP --password-env PFX_PW',
            'import and enable on two servers',
          )
          .example('$0 deploy webmail.pfx --servers AMS-EXCH01 --password-file pw.txt --what-if', 'show the lines only')
          .epilog('Exit codes: 0 every server succeeded, 1 any server failed, 2 bad input (nothing changed).'),
        'required',
      ) as unknown as Argv<DeployArgs>,
    handler: async (a) => {
      const servers = requiredList(a, 'servers', 'server names', 'server name');
      const password = await workflowPassword(a, io);
      const { deploy } = await import('../../workflow/deploy.js');
      const tty = io.stderrIsTTY === true;
      const result = await runWorkflow(a, io, async (ctx, cli) => ({
        json: cli.json,
        r: await deploy(ctx, {
          pfx: a.pfx,
          password,
          servers,
          services: listOption(a.services),
          ...(tty
            ? {
                progress: (n: number, total: number, server: string, ok: boolean) =>
                  io.stderr.write(
                    `\r[${'#'.repeat(n).padEnd(total, '.')}] ${n}/${total} ${server} ${ok ? 'ok' : 'FAILED'}\u001b[K${n === total ? '\n' : ''}`,
                  ),
              }
            : {}),
        }),
      }));
      if (result === null) {
        done(EXIT.failed);
        return;
      }
      const { r, json } = result;
      const whatIf = a['what-if'] === true;
      if (json) io.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else {
        io.stdout.write(`\n${r.subject} (${r.thumbprint})\n`);
        io.stdout.write(
          formatTable(
            ['Server', 'Result', 'Imported', 'Enabled', 'Error'],
            r.servers.map((s) =>
              s.ok
                ? [
                    s.server,
                    whatIf ? 'what-if' : 'ok',
                    s.value.imported ? (whatIf ? 'would import' : 'yes') : 'already there',
                    s.value.enabled.join(',') || '-',
                    '',
                  ]
                : [s.server, 'FAILED', '', '', s.error],
            ),
          ),
        );
      }
      done(r.ok ? EXIT.ok : EXIT.failed);
    },
  };
}
