// `apply`: runs a plan in order, stopping at the first failure with what was done and what was not.
import { isExchcertError } from '../errors/exchcert-error.js';
import { FILE_DATA_VARIABLE } from './file-data.js';
import { THUMBPRINT_VARIABLE } from './plan.js';
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

/** What a request-form entry carries from step to step: its request, the issued certificate, its thumbprint. */
interface Carried {
  request?: string;
  certificate?: Uint8Array;
  thumbprint?: string;
}

/** The CA issuing a requested certificate (on this machine: no line runs on the server). */
async function issue(ctx: WorkflowContext, action: PlannedAction, carried: Carried): Promise<void> {
  const record = (status: StepRecord['status'], errors: string[] = []): StepRecord => ({
    server: action.server.name,
    step: action.step,
    line: action.line,
    status,
    errors,
  });
  if (ctx.whatIf) {
    ctx.onStep?.(record('what-if'));
    return;
  }
  try {
    const issued = await ctx.target.org.issue!(new TextEncoder().encode(carried.request ?? ''), 365);
    carried.certificate = new TextEncoder().encode(issued.pem);
    ctx.log.info(
      { event: 'issued', server: action.server.name, thumbprint: issued.thumbprint },
      'the CA issued the certificate',
    );
  } catch (e) {
    if (!isExchcertError(e) && !(e instanceof Error)) throw e;
    const failed = record('failed', [(e as Error).message]);
    ctx.onStep?.(failed);
    throw new WorkflowStepError(failed);
  }
  ctx.onStep?.(record('done'));
}

/** Variables of a step that come from earlier steps of the same entry (the issued bytes, the imported thumbprint). */
function carriedVariables(action: PlannedAction, carried: Carried | undefined): Record<string, unknown> {
  if (!carried) return {};
  if (action.step === 'import' && carried.certificate) return { [FILE_DATA_VARIABLE]: carried.certificate };
  if (action.step === 'enable' && carried.thumbprint) return { [THUMBPRINT_VARIABLE]: carried.thumbprint };
  return {};
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
  const carried = new Map<number, Carried>();
  for (const [i, action] of plan.actions.entries()) {
    const own = action.entry === undefined ? undefined : (carried.get(action.entry) ?? {});
    if (action.entry !== undefined) carried.set(action.entry, own!);
    try {
      if (action.what === null) await issue(c, action, own!);
      else {
        const variables = { ...action.variables, ...carriedVariables(action, own) };
        const result = await runStep(
          c,
          action.server,
          action.step,
          action.what,
          Object.keys(variables).length > 0 ? { variables } : {},
        );
        if (own && result && action.step === 'request')
          own.request = result.output.find((o): o is string => typeof o === 'string') ?? '';
        if (own && result && action.step === 'import') {
          const object = result.output.find(
            (o): o is Record<string, unknown> => typeof o === 'object' && o !== null && 'Thumbprint' in o,
          );
          own.thumbprint = String(object?.['Thumbprint'] ?? '').toUpperCase();
        }
      }
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
