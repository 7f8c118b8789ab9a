// `exchcert plan FILE`: the ordered exact lines that bring the servers to the desired state; nothing runs.
import type { Argv, CommandModule } from 'yargs';
import type { Plan } from '../../workflow/plan.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import type { DesiredStateArgs } from '../workflow-args.js';
import { runWorkflow, withWorkflowOptions, workflowPassword } from '../workflow-run.js';

/** A plan as JSON: each action's server, step and exact line; refusals. */
export function planJson(plan: Plan): unknown {
  return {
    actions: plan.actions.map((a) => ({ server: a.server.name, step: a.step, thumbprint: a.thumbprint, line: a.line })),
    refusals: plan.refusals,
  };
}

/** A plan for people: one `# step on server` header and the exact line per action, then refusals. */
export function planText(plan: Plan): string {
  if (plan.actions.length === 0 && plan.refusals.length === 0)
    return 'Nothing to do: the servers are in the desired state.\n';
  let text = plan.actions.map((a) => `# ${a.step} on ${a.server.name}\n${a.line}\n`).join('');
  for (const r of plan.refusals) text += `# refused: not removing ${r.thumbprint} on ${r.server}: ${r.reason}\n`;
  return text;
}

const DESIRED_HELP =
  'Desired state (YAML or JSON, read on this machine; PFX paths relative to it, read on this machine):\n' +
  '  servers:\n    - name: AMS-EXCH01\n      certificate: { pfx: ./webmail.pfx }\n      services: [IIS, SMTP]\n      removeOld: true\n' +
  "  or, requested on the server and issued by the mock backend's CA:\n" +
  '      certificate: { request: { subjectName: CN=mail.contoso.com, domainNames: [mail.contoso.com] }, ca: mock }\n' +
  'Passwords never come from the file: --password-env NAME or --password-file FILE.';

/** `exchcert plan FILE --password-env NAME`. */
export function planCommand(io: CliIo, done: (code: number) => void): CommandModule<object, DesiredStateArgs> {
  return {
    command: 'plan <file>',
    describe:
      'print the ordered exact lines (import -> enable -> remove old last) that bring servers to a desired-state file',
    builder: (y) =>
      withWorkflowOptions(
        y
          .positional('file', {
            type: 'string',
            demandOption: true,
            describe: 'desired-state file (YAML or JSON) on this machine',
          })
          .example('$0 plan desired.yaml --password-env PFX_PW', 'what apply would run')
          .example('$0 plan desired.json --password-file pw.txt --json', 'the plan as JSON')
          .epilog(
            `${DESIRED_HELP}\n\nExit codes: 0 plan made (or nothing to do), 1 a removal is refused, 2 bad input.`,
          ),
        'required',
      ) as unknown as Argv<DesiredStateArgs>,
    handler: async (a) => {
      const { loadDesiredState } = await import('../../workflow/desired-state.js');
      const { makePlan } = await import('../../workflow/plan.js');
      const loaded = await loadDesiredState(a.file, io.cwd);
      const password = await workflowPassword(a, io);
      const result = await runWorkflow(a, io, async (ctx, cli) => ({
        json: cli.json,
        plan: await makePlan(ctx, loaded, password),
      }));
      if (result === null) {
        done(EXIT.failed);
        return;
      }
      io.stdout.write(result.json ? `${JSON.stringify(planJson(result.plan), null, 2)}\n` : planText(result.plan));
      done(result.plan.refusals.length > 0 ? EXIT.failed : EXIT.ok);
    },
  };
}

export { DESIRED_HELP };
