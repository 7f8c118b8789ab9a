// `apply`: runs a plan in order, stopping at the first failure with what was done and what was not.
import type { Plan, PlannedAction } from './plan.js';
import { WorkflowStepError, runStep } from './run-step.js';
import type { StepRecord, WorkflowContext } from './run-step.js';

/** What apply did. */
export interface ApplyResult {
  readonly ok: boolean;
  readonly done: readonly StepRecord[];
  /** The step that failed, if any. */
  readonly failed: StepRecord | null;
  /** Actions not run because an earlier one failed. */
  readonly notDone: readonly { readonly server: string; readonly step: string; readonly line: string }[];
}

/**
 * Runs every planned action in order (nothing when the plan refuses a removal: fix the desired state first).
 * @example const r = await applyPlan(ctx, await makePlan(ctx, loaded, password)); r.ok
 */
export async function applyPlan(ctx: WorkflowContext, plan: Plan): Promise<ApplyResult> {
  const done: StepRecord[] = [];
  const c: WorkflowContext = {
    ...ctx,
    onStep: (s) => {
      if (s.status === 'done' || s.status === 'what-if') done.push(s);
      ctx.onStep?.(s);
    },
  };
  for (const [i, action] of plan.actions.entries()) {
    try {
      await runStep(
        c,
        action.server,
        action.step,
        action.what,
        action.variables ? { variables: action.variables } : {},
      );
    } catch (e) {
      if (!(e instanceof WorkflowStepError)) throw e;
      const rest = plan.actions
        .slice(i + 1)
        .map((a: PlannedAction) => ({ server: a.server.name, step: a.step, line: a.line }));
      return { ok: false, done, failed: e.step, notDone: rest };
    }
  }
  return { ok: true, done, failed: null, notDone: [] };
}
