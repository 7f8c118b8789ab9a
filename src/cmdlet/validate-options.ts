import * as z from 'zod/mini';
import { BindingError } from '../errors/binding-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { resolveParameterSet } from '../spec/parameter-sets.js';
import type { ParameterValue } from '../node/invocation.js';
import { isExpression } from '../node/expression.js';
import type { CmdletSpec, ParameterSpec } from '../spec/cmdlet-spec.js';
import { shellView } from '../spec/registry.js';
import { describeValue } from './describe-value.js';
import { describeAllowed, parameterSchema } from './parameter-schema.js';

/** A validated set of options: the resolved set, the normalised values and what the pipeline must fill. */
export interface ValidatedOptions {
  readonly parameterSet: string;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  /** Mandatory parameters left for pipeline input (the command must be piped into). */
  readonly awaitingPipeline: readonly ParameterSpec[];
  /** Why the command cannot run on its own (thrown when it is rendered outside a pipeline). */
  readonly standaloneError: BindingError | undefined;
}

const SCHEMAS = new WeakMap<CmdletSpec, Map<string, z.ZodMiniType>>();

function schemaOf(cmdlet: CmdletSpec, p: ParameterSpec): z.ZodMiniType {
  let perCmdlet = SCHEMAS.get(cmdlet);
  if (!perCmdlet) SCHEMAS.set(cmdlet, (perCmdlet = new Map<string, z.ZodMiniType>()));
  let schema = perCmdlet.get(p.name);
  if (!schema) perCmdlet.set(p.name, (schema = parameterSchema(p)));
  return schema;
}

/** The most specific message zod found (custom checks first). */
function reasonOf(error: z.core.$ZodError): string | undefined {
  const messages: string[] = [];
  const walk = (issues: readonly z.core.$ZodIssue[]) => {
    for (const issue of issues) {
      if (issue.code === 'invalid_union') issue.errors.forEach(walk);
      else if (issue.code === 'custom' || issue.code === 'too_big' || issue.code === 'too_small')
        messages.push(issue.message);
    }
  };
  walk(error.issues);
  return messages[0];
}

/**
 * Validates builder options against a cmdlet table with zod and resolves the parameter set.
 * @example validateOptions(newExchangeCertificateSpec, { generateRequest: true, subjectName: 'CN=mail.contoso.com' })
 */
export function validateOptions(cmdlet: CmdletSpec, options: Readonly<Record<string, unknown>>): ValidatedOptions {
  const view = shellView(cmdlet, undefined);
  const byOption = new Map<string, ParameterSpec>(view.parameters.map((p) => [p.option, p]));
  const parameters: Record<string, ParameterValue> = {};
  const bound: ParameterSpec[] = [];
  let piped = false;
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const p = byOption.get(key);
    if (!p) {
      const known = view.parameters
        .filter((q) => !q.common)
        .map((q) => q.option)
        .join(', ');
      throw new ValidationError({
        code: 'UNKNOWN_OPTION',
        cmdlet: cmdlet.name,
        parameter: key,
        value: describeValue(value),
        allowed: known,
        message: `${cmdlet.name} has no option '${key}'. Options: ${known}.`,
      });
    }
    const result = schemaOf(cmdlet, p).safeParse(value);
    if (!result.success) {
      const reason = reasonOf(result.error);
      const allowed = describeAllowed(p);
      throw new ValidationError({
        code: 'INVALID_VALUE',
        cmdlet: cmdlet.name,
        parameter: p.name,
        value: describeValue(value),
        allowed,
        message: `${cmdlet.name} -${p.name}: ${describeValue(value)} is not valid${reason ? `: ${reason}` : ''}. Allowed: ${allowed}.`,
      });
    }
    parameters[p.option] = result.data as ParameterValue;
    if (isExpression(value) && value.kind === 'pipelineInput') piped = true;
    else bound.push(p);
  }
  // A command that cannot stand alone may still be complete once piped into (e.g. Enable without -Thumbprint).
  if (!piped) {
    try {
      const alone = resolveParameterSet({ view, bound, pipelineInput: false });
      return Object.freeze({
        parameterSet: alone.parameterSet,
        parameters: Object.freeze(parameters),
        awaitingPipeline: Object.freeze([]),
        standaloneError: undefined,
      });
    } catch (e) {
      if (!(e instanceof BindingError) || e.errorId !== 'MissingMandatoryParameter') throw e;
      const resolved = resolveParameterSet({ view, bound, pipelineInput: true });
      if (resolved.fromPipeline.length === 0) throw e;
      return Object.freeze({
        parameterSet: resolved.parameterSet,
        parameters: Object.freeze(parameters),
        awaitingPipeline: resolved.fromPipeline,
        standaloneError: e,
      });
    }
  }
  const resolved = resolveParameterSet({ view, bound, pipelineInput: true });
  const awaitingPipeline = resolved.fromPipeline.filter((p) => !(p.option in parameters));
  return Object.freeze({
    parameterSet: resolved.parameterSet,
    parameters: Object.freeze(parameters),
    awaitingPipeline: Object.freeze(awaitingPipeline),
    standaloneError: undefined,
  });
}
