// `exchcert apply FILE`: runs the plan, stopping at the first failure with what was done and what was not.
import type { Argv, CommandModule } from 'yargs';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import type { DesiredStateArgs } from '../workflow-args.js';
import { runWorkflow, withWorkflowOptions, workflowPassword } from '../workflow-run.js';
import { DESIRED_HELP, planJson, planText } from './plan.js';

/** `exchcert apply FILE --password-env NAME [--what-if]`. */
export function applyCommand(io: CliIo, done: (code: number) => void): CommandModule<object, DesiredStateArgs> {
  return {
    command: 'apply <file>',
    describe: 'bring servers to a desired-state file: runs the plan in order, stops at the first failure (idempotent)',
    builder: (y) =>
      withWorkflowOptions(
        y
          .positional('file', {
            type: 'string',
            demandOption: true,
            describe: 'desired-state file (YAML or JSON) on this machine',
          })
          .example('$0 apply desired.yaml --password-env PFX_PW', 'import, enable, then remove old certificates')
          .example('$0 apply desired.yaml --password-env PFX_PW --what-if', 'the same as plan')
          .epilog(
            `${DESIRED_HELP}\n\nExit codes: 0 applied (or nothing to do), 1 a step failed or a removal is refused (nothing run), 2 bad input.`,
          ),
        'required',
      ) as unknown as Argv<DesiredStateArgs>,
    handler: async (a) => {
      const { loadDesiredState } = await import('../../workflow/desired-state.js');
      const { makePlan } = await import('../../workflow/plan.js');
      const { applyPlan } = await import('../../workflow/apply.js');
      const loaded = await loadDesiredState(a.file, io.cwd);
      const password = await workflowPassword(a, io);
      const code = await runWorkflow(a, io, async (ctx, cli) => {
        const plan = await makePlan(ctx, loaded, password);
        if (plan.refusals.length > 0) {
          io.stdout.write(
            cli.json
              ? `${JSON.stringify({ ok: false, ...(planJson(plan) as object) }, null, 2)}\n`
              : `${planText(plan)}Nothing was run: fix the desired state or the server first.\n`,
          );
          return EXIT.failed;
        }
        if (plan.actions.length === 0) {
          io.stdout.write(
            cli.json
              ? `${JSON.stringify({ ok: true, done: [], failed: null, notDone: [] }, null, 2)}\n`
              : planText(plan),
          );
          return EXIT.ok;
        }
        const r = await applyPlan(ctx, plan);
        if (cli.json) io.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        else if (r.failed) {
          io.stdout.write(`\nStopped: ${r.failed.step} failed on ${r.failed.server}: ${r.failed.errors.join(' ')}\n`);
          io.stdout.write(`Done (${r.done.length}):\n${r.done.map((s) => `  ${s.step} on ${s.server}\n`).join('')}`);
          io.stdout.write(
            `Not done (${r.notDone.length + 1}):\n  ${r.failed.step} on ${r.failed.server} (failed)\n${r.notDone.map((s) => `  ${s.step} on ${s.server}\n`).join('')}`,
          );
        } else io.stdout.write(`Applied ${r.done.length} steps.\n`);
        return r.ok ? EXIT.ok : EXIT.failed;
      });
      done(code ?? EXIT.failed);
    },
  };
}
