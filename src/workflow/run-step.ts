// One workflow step: compile a builder for a server, show and log its exact line, run it (or not, under what-if).
import type { RunResult } from '../backend/backend.js';
import { compile } from '../dialect/render.js';
import type { Renderable } from '../dialect/render.js';
import { ExchcertError } from '../errors/exchcert-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Logger } from '../log/create-logger.js';
import type { ShellVersion } from '../spec/shell-version.js';
import type { OrgServer, WorkflowTarget } from './workflow-target.js';

/** What happened to one step. */
export type StepStatus = 'done' | 'failed' | 'skipped' | 'what-if' | 'not-run';

/** One step of a workflow with its exact line (secrets as variables) and what came of it. */
export interface StepRecord {
  readonly server: string;
  readonly step: string;
  readonly line: string;
  readonly status: StepStatus;
  readonly errors: readonly string[];
}

/** What every workflow is given. */
export interface WorkflowContext {
  readonly target: WorkflowTarget;
  readonly log: Logger;
  /** Show the lines, run nothing. */
  readonly whatIf?: boolean;
  /** Called for every step as it finishes (the CLI prints each exact line here). */
  readonly onStep?: (step: StepRecord) => void;
}

/** A step failed: carries the step and the error messages the server gave. */
export class WorkflowStepError extends ExchcertError {
  constructor(readonly step: StepRecord) {
    super(
      'WORKFLOW_STEP_FAILED',
      `${step.step} failed on ${step.server}: ${step.errors.join(' ') || 'the command wrote an error'}`,
    );
  }
}

/** The EMS dialect of a server: PowerShell 2.0 on Exchange 2010, else Windows PowerShell 5.1. */
export function shellFor(server: Pick<OrgServer, 'exchange'>): ShellVersion {
  return server.exchange === '2010' || server.exchange.startsWith('2010-') ? '2.0' : '5.1';
}

/** Options of runStep. */
export interface StepOptions {
  readonly variables?: Readonly<Record<string, unknown>>;
  /** Inventory reads run even under what-if (they change nothing). */
  readonly readOnly?: boolean;
  /** Return the failed result instead of throwing. */
  readonly tolerateFailure?: boolean;
}

/**
 * Compiles `what` for the server's shell and Exchange version, reports and logs its line, and runs it.
 * Returns null under what-if for a changing step; throws WorkflowStepError when the server wrote an error.
 * @example const r = await runStep(ctx, server, 'import', importExchangeCertificate({ ... }));
 */
export async function runStep(
  ctx: WorkflowContext,
  server: OrgServer,
  step: string,
  what: Renderable,
  options: StepOptions = {},
): Promise<RunResult | null> {
  const compiled = compile(what, { shell: shellFor(server), exchange: server.exchange });
  const line = compiled.displayText;
  if (ctx.whatIf && !options.readOnly) {
    ctx.log.info({ event: 'what-if', server: server.name, step, command: line }, 'what-if');
    ctx.onStep?.({ server: server.name, step, line, status: 'what-if', errors: [] });
    return null;
  }
  ctx.log.info(
    { event: 'command', backend: ctx.target.runner.backend, server: server.name, step, command: line },
    'executing',
  );
  const result = await ctx.target.runner.run(compiled, {
    server: server.name,
    ...(options.variables ? { variables: options.variables } : {}),
  });
  const errors = result.errors.map((e) => e.message);
  const record: StepRecord = { server: server.name, step, line, status: result.ok ? 'done' : 'failed', errors };
  ctx.log[result.ok ? 'info' : 'error'](
    { event: 'result', server: server.name, step, ok: result.ok, errors, durationMs: Math.round(result.durationMs) },
    result.ok ? 'done' : 'failed',
  );
  if (!options.readOnly) ctx.onStep?.(record);
  if (!result.ok && !options.tolerateFailure) throw new WorkflowStepError(record);
  return result;
}

/**
 * Finds a server by name (case-insensitive) among the organization's.
 * @example const s = await findOrgServer(target, 'ams-exch01') // { name: 'AMS-EXCH01', exchange: '2013-CU23' }
 */
export async function findOrgServer(target: WorkflowTarget, name: string): Promise<OrgServer> {
  const servers = await target.org.servers();
  const found = servers.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!found) {
    throw new ValidationError({
      code: 'UNKNOWN_SERVER',
      parameter: 'server',
      value: name,
      allowed: servers.map((s) => s.name).join(', '),
      message: `--server '${name}' is not a server of the organization. Servers: ${servers.map((s) => s.name).join(', ')}.`,
    });
  }
  return found;
}
