// `exchcert renew`: the certificate lifecycle on one server as one resumable command.
import type { Argv, CommandModule } from 'yargs';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import type { RenewArgs } from '../workflow-args.js';
import { listOption, requiredList, runWorkflow, withWorkflowOptions, workflowPassword } from '../workflow-run.js';

/** `exchcert renew --server S --subject-name X --domain-name a,b --services IIS,SMTP [--ca mock | --certificate-file F]`. */
export function renewCommand(io: CliIo, done: (code: number) => void): CommandModule<object, RenewArgs> {
  return {
    command: 'renew',
    describe:
      'renew a certificate: request -> vendor certificate -> import -> enable -> PFX backup -> other servers (resumable)',
    builder: (y) =>
      withWorkflowOptions(
        y
          .option('server', {
            type: 'string',
            demandOption: true,
            describe: 'server that makes the request and gets the certificate first',
          })
          .option('subject-name', {
            type: 'string',
            demandOption: true,
            describe: 'X.500 subject, e.g. CN=mail.contoso.com',
          })
          .option('domain-name', {
            type: 'string',
            array: true,
            demandOption: true,
            describe: 'DNS names for the SAN list (a,b or repeated)',
          })
          .option('services', {
            type: 'string',
            array: true,
            default: ['IIS'],
            describe: 'services to enable: IIS, SMTP, POP, IMAP (SMTP is enabled with -Force)',
          })
          .option('ca', {
            type: 'string',
            choices: ['mock'],
            describe: "issue at once with the mock backend's simulated vendor CA",
          })
          .option('certificate-file', {
            type: 'string',
            describe: "the vendor's certificate (.cer/.p7b), read on this machine; completes the pending request",
          })
          .option('request-file', {
            type: 'string',
            describe: 'where to write the request, on this machine (default <common name>.req)',
          })
          .option('backup-file', {
            type: 'string',
            describe: 'where to write the PFX backup, on this machine (default <common name>.pfx)',
          })
          .option('also-on', {
            type: 'string',
            array: true,
            describe: 'further servers that get the PFX and the same services',
          })
          .option('friendly-name', { type: 'string', describe: 'FriendlyName of the request' })
          .conflicts('ca', 'certificate-file')
          .example(
            '$0 renew --server AMS-EXCH01 --subject-name CN=mail.contoso.com --domain-name mail.contoso.com,autodiscover.contoso.com --services IIS,SMTP --password-env PFX_PW',
            'write the request and wait for the vendor',
          )
          .example(
            '$0 renew --server AMS-EXCH01 --subject-name CN=mail.contoso.com --domain-name mail.contoso.com --certificate-file mail.cer --password-env PFX_PW',
            "the same command with the vendor's certificate completes it",
          )
          .example(
            '$0 renew --server AMS-EXCH01 --subject-name CN=mail.contoso.com --domain-name mail.contoso.com --ca mock --also-on RESEXCH01 --password-env PFX_PW',
            'the whole lifecycle on the mock at once',
          )
          .epilog(
            "Exit codes: 0 completed, 3 waiting for the vendor's certificate (request written and remembered), 1 a step failed, 2 bad input.",
          ),
        'required',
      ) as unknown as Argv<RenewArgs>,
    handler: async (a) => {
      const domainNames = requiredList(a, 'domain-name', 'DNS names', 'DNS name');
      const password = await workflowPassword(a, io);
      const { renew } = await import('../../workflow/renew.js');
      const result = await runWorkflow(a, io, (ctx, cli) =>
        renew(ctx, {
          server: a.server,
          subjectName: a['subject-name'],
          domainNames,
          services: listOption(a.services),
          ca: a.ca,
          certificateFile: a['certificate-file'],
          requestFile: a['request-file'],
          backupFile: a['backup-file'],
          password,
          alsoOn: listOption(a['also-on']),
          friendlyName: a['friendly-name'],
          cwd: io.cwd,
        }).then((r) => ({ r, json: cli.json })),
      );
      if (result === null) {
        done(EXIT.failed);
        return;
      }
      const r = result.r;
      if (result.json) io.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else if (r.status === 'waiting') {
        io.stdout.write(
          `Waiting for the vendor's certificate for request ${r.requestThumbprint} (request written to ${r.requestFile}).\n` +
            'Run the same command again with --certificate-file FILE to complete it.\n',
        );
      } else if (r.status === 'completed')
        io.stdout.write(
          `Renewed: ${r.thumbprint} is in service${r.backupFile ? `; PFX backup at ${r.backupFile}` : ''}.\n`,
        );
      else io.stdout.write('What if: nothing was changed.\n');
      done(r.status === 'waiting' ? EXIT.waiting : EXIT.ok);
    },
  };
}
