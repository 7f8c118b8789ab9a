// Exchange cmdlets: one call of the simulated Exchange per pipeline object, its errors under the command's ErrorAction.
import type { BoundInvocation } from '../bind/bound-invocation.js';
import { MockTerminatingError } from '../engine/mock-exchange.js';
import type { CmdletCall } from '../engine/mock-exchange.js';
import { PsErrorRecord, PsTerminatingError } from '../runtime/ps-error-record.js';
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import type { ErrorRecord } from '../spec/output/run-result.js';
import { bindPipelineObject } from './bind-pipeline-object.js';
import type { CommandContext } from './command-context.js';
import { convertParameterValue } from './convert-parameter.js';
import { exchangeExceptionType } from './error-stream.js';
import type { InterpreterCore } from './interpreter-core.js';

/** Common parameters the interpreter handles itself (not passed to the simulated Exchange). */
const INTERPRETER_PARAMETERS = new Set([
  'errorVariable',
  'warningVariable',
  'outVariable',
  'outBuffer',
  'pipelineVariable',
  'informationVariable',
  'informationAction',
  'progressAction',
]);
const NO_PIPELINE_OBJECT = Symbol('no pipeline input');

/** One command's binding, its actions and where its errors and warnings are collected. */
export interface ExchangeCommand {
  readonly bound: BoundInvocation;
  readonly byOption: ReadonlyMap<string, ParameterSpec>;
  readonly errorAction: string;
  readonly warningAction: string;
  readonly errors: PsErrorRecord[];
  readonly warnings: string[];
  /** Gives a record without a position the command's line and column. */
  locate(rec: ErrorRecord): ErrorRecord;
}

/** The call for one pipeline object (null when binding the object failed: the error is written). */
function callFor(
  core: InterpreterCore,
  ctx: CommandContext,
  cmd: ExchangeCommand,
  explicit: ReadonlySet<string>,
  obj: unknown,
): CmdletCall | null {
  const spec = ctx.spec;
  const parameters: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ctx.params)) if (!INTERPRETER_PARAMETERS.has(k)) parameters[k] = v;
  let parameterSet = cmd.bound.parameterSet ?? spec.defaultSet;
  if (obj !== NO_PIPELINE_OBJECT) {
    try {
      const b = bindPipelineObject(ctx.view, parameterSet, explicit, obj);
      for (const [o, v] of Object.entries(b.values)) {
        parameters[o] = convertParameterValue(
          spec.name,
          cmd.byOption.get(o)!,
          v,
          core.dialect,
          core.env.exchangeTarget?.major,
        );
      }
      parameterSet = b.parameterSet;
    } catch (e) {
      if (!(e instanceof RuntimeFailure)) throw e;
      ctx.writeError({
        message: e.message,
        category: e.category,
        errorId: e.errorId,
        exceptionType: e.exceptionType,
        ...(e.targetObject !== undefined ? { targetObject: e.targetObject } : {}),
      });
      return null;
    }
  }
  return Object.freeze({
    cmdlet: spec.name,
    parameterSet,
    parameters: Object.freeze(parameters),
    connectedServer: core.env.connectedServer,
    shell: core.env.shell,
    line: ctx.extent.startLine,
    column: ctx.extent.startColumn,
  });
}

/** An Exchange cmdlet: one CmdletCall per pipeline object (or one without input). */
export async function runExchange(
  core: InterpreterCore,
  ctx: CommandContext,
  cmd: ExchangeCommand,
): Promise<unknown[]> {
  const explicit = new Set(Object.keys(ctx.params).map((o) => cmd.byOption.get(o)!.name));
  const out: unknown[] = [];
  const objects: unknown[] = ctx.input === undefined ? [NO_PIPELINE_OBJECT] : [...ctx.input];
  for (const obj of objects) {
    const call = callFor(core, ctx, cmd, explicit, obj);
    if (call === null) continue;
    let outcome;
    try {
      outcome = await core.env.exchange.invoke(call, core.env.answers);
    } catch (e) {
      if (!(e instanceof MockTerminatingError)) throw e;
      const rec = cmd.locate(e.record);
      const err = new PsErrorRecord(Object.freeze({ ...rec, terminating: true }), exchangeExceptionType(rec));
      core.errors.add(err);
      throw new PsTerminatingError(err, cmd.errorAction === 'Stop' ? 'script' : 'statement');
    }
    for (const line of outcome.hostLines ?? []) core.env.host?.write(`${line}\n`);
    out.push(...outcome.output);
    for (const w of outcome.warnings) ctx.writeWarning(w);
    for (const r of outcome.errors)
      core.errors.write(cmd.locate(r), exchangeExceptionType(r), cmd.errorAction, cmd.errors);
  }
  return out;
}
