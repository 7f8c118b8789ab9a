// `exchcert report`: the certificate inventory across servers as a table, JSON or a self-contained HTML page.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { CertificateReport } from '../../workflow/report.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../text-table.js';
import type { ReportArgs } from '../workflow-args.js';
import { listOption, runWorkflow, withWorkflowConnection } from '../workflow-run.js';

/** The report as terminal text: one table of certificates, then who holds SMTP and IIS per server. */
export function reportText(report: CertificateReport): string {
  const rows = report.servers.flatMap((s) =>
    s.certificates.map((c) => [
      s.server,
      c.thumbprint,
      c.subject.slice(0, 40),
      c.notAfter.toISOString().slice(0, 10),
      c.band === 'pending' ? '' : String(c.daysToExpiry),
      c.status,
      c.services.join(',') || 'None',
      String(c.keySize),
      c.findings.map((f) => f.message).join('; '),
    ]),
  );
  let text = formatTable(
    ['Server', 'Thumbprint', 'Subject', 'NotAfter', 'Days', 'Status', 'Services', 'Key', 'Findings'],
    rows,
  );
  text += '\n';
  for (const s of report.servers) {
    text +=
      s.error !== null
        ? `${s.server}: could not be read: ${s.error}\n`
        : `${s.server}: SMTP ${s.smtp.join(', ') || 'none'}; IIS ${s.iis.join(', ') || 'none'}\n`;
  }
  return `${text}${report.counts.certificates} certificates, ${report.counts.errors} errors, ${report.counts.warnings} warnings.\n`;
}

/** `exchcert report [--servers ...] [--json] [--html FILE]`. */
export function reportCommand(io: CliIo, done: (code: number) => void): CommandModule<object, ReportArgs> {
  return {
    command: 'report',
    describe:
      'certificate inventory across servers: expiry (60/30-day bands), Status, weak keys and signatures, SAN, services, SMTP/IIS holder',
    builder: (y) =>
      withWorkflowConnection(y)
        .option('servers', {
          type: 'string',
          array: true,
          describe: 'servers to include (a,b or repeated; default: all)',
        })
        .option('html', {
          type: 'string',
          describe: 'also write a self-contained HTML page with an expiry timeline per server, on this machine',
        })
        .example('$0 report', 'a table of every certificate on every server')
        .example('$0 report --servers AMS-EXCH01 --html report.html', 'one server, and a page to open or mail')
        .example('$0 report --json', 'the same as one JSON document')
        .epilog(
          'Exit codes: 0 report made (findings do not change it), 1 a server could not be read, 2 bad input.',
        ) as unknown as Argv<ReportArgs>,
    handler: async (a) => {
      const { buildReport } = await import('../../workflow/report.js');
      const { reportHtml } = await import('../../workflow/report-html.js');
      const result = await runWorkflow(a, io, async (ctx, cli) => ({
        json: cli.json,
        report: await buildReport(ctx, { servers: listOption(a.servers) }),
      }));
      if (result === null) {
        done(EXIT.failed);
        return;
      }
      const { report, json } = result;
      if (a.html !== undefined) await writeFile(resolve(io.cwd, a.html), reportHtml(report));
      io.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
      if (a.html !== undefined && !json) io.stdout.write(`Page written to ${a.html}\n`);
      done(report.servers.some((s) => s.error !== null) ? EXIT.failed : EXIT.ok);
    },
  };
}
