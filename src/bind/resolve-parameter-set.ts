import { BindingError } from '../errors/binding-error.js';
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import type { ShellView } from '../spec/registry.js';

/** The sets a parameter belongs to within a view (all sets when it names none). */
export function parameterSets(view: ShellView, p: ParameterSpec): readonly string[] {
  return p.sets.length === 0 ? view.sets : p.sets;
}

/** What the resolver needs to know about one command. */
export interface ResolveInput {
  readonly view: ShellView;
  /** Parameters bound by name or position. */
  readonly bound: readonly ParameterSpec[];
  /** True when the command receives pipeline input (it is not first in its pipeline). */
  readonly pipelineInput: boolean;
  /** Skip the missing-mandatory check (an unknown splat may supply them). */
  readonly lenient?: boolean;
}

/** The outcome: the set, and the mandatory parameters the pipeline is expected to fill. */
export interface ResolvedSet {
  readonly parameterSet: string;
  readonly fromPipeline: readonly ParameterSpec[];
}

const AMBIGUOUS_SET_7 = ' One or more parameters issued cannot be used together or an insufficient number of parameters were provided.';

/** PowerShell's message for an unresolvable parameter set (7 adds a second sentence). */
export function ambiguousSetMessage(shell: string | undefined): string {
  return `Parameter set cannot be resolved using the specified named parameters.${shell === '7' ? AMBIGUOUS_SET_7 : ''}`;
}

/** Describes which bound parameters pull towards which sets, for the error detail. */
function clashDetail(view: ShellView, bound: readonly ParameterSpec[]): string {
  const specific = bound.filter((p) => p.sets.length > 0);
  if (specific.length === 0) return '';
  const parts = specific.map((p) => `-${p.name} (set${p.sets.length > 1 ? 's' : ''} ${p.sets.join(', ')})`);
  return `Clashing parameters: ${parts.join(', ')}; sets of ${view.cmdlet.name}: ${view.sets.join(', ')}.`;
}

function takesPipeline(p: ParameterSpec): boolean {
  return p.pipeline !== undefined;
}

/**
 * Resolves the parameter set as PowerShell's ParameterSetResolver does: named/positional parameters narrow the
 * candidates; the default set wins when it is a candidate; otherwise the sets whose mandatory parameters are all
 * bound; with pipeline input, sets that can take it.
 */
export function resolveParameterSet(input: ResolveInput): ResolvedSet {
  const { view, bound, pipelineInput } = input;
  const name = view.cmdlet.name;
  const shell = view.shell;
  let candidates = [...view.sets];
  for (const p of bound) {
    const sets = parameterSets(view, p);
    const next = candidates.filter((s) => sets.includes(s));
    if (next.length === 0) {
      throw new BindingError({ errorId: 'AmbiguousParameterSet', cmdlet: name, parameter: p.name, powershellMessage: ambiguousSetMessage(shell), detail: clashDetail(view, bound) });
    }
    candidates = next;
  }
  const boundNames = new Set(bound.map((p) => p.name));
  const unbound = view.parameters.filter((p) => !boundNames.has(p.name));
  const missingIn = (set: string) => unbound.filter((p) => p.mandatory && parameterSets(view, p).includes(set));
  const pipelineFillable = (set: string) => unbound.filter((p) => takesPipeline(p) && parameterSets(view, p).includes(set));

  let chosen: string;
  if (candidates.length === 1) {
    chosen = candidates[0]!;
  } else {
    if (pipelineInput) {
      const takers = candidates.filter((s) => pipelineFillable(s).length > 0);
      if (takers.length > 0 && takers.length < candidates.length) candidates = takers;
    }
    if (candidates.length === 1) chosen = candidates[0]!;
    else if (candidates.includes(view.defaultSet)) chosen = view.defaultSet;
    else {
      const complete = candidates.filter((s) => missingIn(s).every((p) => pipelineInput && takesPipeline(p)));
      if (complete.length !== 1) {
        throw new BindingError({ errorId: 'AmbiguousParameterSet', cmdlet: name, powershellMessage: ambiguousSetMessage(shell), detail: clashDetail(view, bound) || `Candidate sets: ${candidates.join(', ')}.` });
      }
      chosen = complete[0]!;
    }
  }
  const missing = missingIn(chosen);
  const fromPipeline = pipelineInput ? missing.filter(takesPipeline) : [];
  const reallyMissing = missing.filter((p) => !fromPipeline.includes(p));
  if (reallyMissing.length > 0 && !input.lenient) {
    const names = reallyMissing.map((p) => p.name).join(' ');
    throw new BindingError({
      errorId: 'MissingMandatoryParameter', cmdlet: name, parameter: reallyMissing[0]!.name,
      powershellMessage: `Cannot process command because of one or more missing mandatory parameters: ${names}.`,
      detail: reallyMissing.some(takesPipeline) ? `(${reallyMissing.filter(takesPipeline).map((p) => `-${p.name}`).join(', ')} can also come from the pipeline.)` : undefined,
    });
  }
  return Object.freeze({ parameterSet: chosen, fromPipeline: Object.freeze(fromPipeline) });
}
