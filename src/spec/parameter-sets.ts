// Parameter-set resolution after binding (PowerShell's ValidateParameterSets), on the view's set bit masks.
import { BindingError } from '../errors/binding-error.js';
import type { ParameterSpec } from './cmdlet-spec.js';
import type { ShellView } from './registry.js';
import type { ShellVersion } from './shell-version.js';
import { ambiguousParameterSetMessage } from './shell-version.js';
import { bindingTable, setNamesOf, single } from './binding-table.js';
import type { BindingTable, ParameterInfo } from './binding-table.js';

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

/** Describes which bound parameters pull towards which sets, for the error detail. */
function clashDetail(table: BindingTable, bound: readonly ParameterInfo[]): string {
  const specific = bound.filter((p) => p.spec.sets.length > 0);
  if (specific.length === 0) return '';
  const parts = specific.map(
    (p) => `-${p.spec.name} (set${p.spec.sets.length > 1 ? 's' : ''} ${p.spec.sets.join(', ')})`,
  );
  return `Clashing parameters: ${parts.join(', ')}; sets of ${table.cmdlet}: ${table.setNames.join(', ')}.`;
}

/** AmbiguousParameterSet: the bound parameters leave no set, or several with none preferred. */
export function ambiguousSetError(
  table: BindingTable,
  bound: readonly ParameterInfo[],
  shell: ShellVersion,
  candidates = 0,
): BindingError {
  const detail = clashDetail(table, bound) || `Candidate sets: ${setNamesOf(table, candidates).join(', ')}.`;
  return new BindingError({
    errorId: 'AmbiguousParameterSet',
    cmdlet: table.cmdlet,
    powershellMessage: ambiguousParameterSetMessage(shell),
    detail,
  });
}

/** Sets in `mask` where an unbound parameter can take pipeline input. */
function pipelineSets(table: BindingTable, isBound: readonly boolean[], mask: number): number {
  let sets = 0;
  for (const p of table.params) if (!isBound[p.index] && p.takesPipeline) sets |= p.sets & mask;
  return sets;
}

/** Sets in `mask` whose unbound mandatory parameters are all left to the pipeline. */
function completeSets(table: BindingTable, isBound: readonly boolean[], mask: number, pipelineInput: boolean): number {
  let incomplete = 0;
  for (const p of table.params)
    if (!isBound[p.index] && p.spec.mandatory && !(pipelineInput && p.takesPipeline)) incomplete |= p.sets;
  return mask & ~incomplete;
}

/**
 * Picks the set among the candidates (`sets`, non-empty) as ValidateParameterSets does: a single candidate; with
 * pipeline input the sets that can take it; the default set; else the one set whose mandatory parameters are all
 * bound. Then reports missing mandatory parameters (those the pipeline can fill are returned instead).
 */
export function resolveSet(
  table: BindingTable,
  isBound: readonly boolean[],
  sets: number,
  pipelineInput: boolean,
  lenient: boolean,
  shell: ShellVersion,
): ResolvedSet {
  let candidates = sets;
  if (!single(candidates) && pipelineInput) {
    const takers = pipelineSets(table, isBound, candidates);
    if (takers !== 0 && takers !== candidates) candidates = takers;
  }
  if (!single(candidates)) {
    if ((candidates & table.defaultSet) !== 0) candidates = table.defaultSet;
    else {
      const complete = completeSets(table, isBound, candidates, pipelineInput);
      if (!single(complete))
        throw ambiguousSetError(
          table,
          table.params.filter((p) => isBound[p.index]),
          shell,
          candidates,
        );
      candidates = complete;
    }
  }
  const fromPipeline: ParameterSpec[] = [];
  const missing: ParameterSpec[] = [];
  for (const p of table.params) {
    if (isBound[p.index] || !p.spec.mandatory || (p.sets & candidates) === 0) continue;
    (pipelineInput && p.takesPipeline ? fromPipeline : missing).push(p.spec);
  }
  if (missing.length > 0 && !lenient) {
    const piped = missing.filter((p) => p.pipeline !== undefined);
    throw new BindingError({
      errorId: 'MissingMandatoryParameter',
      cmdlet: table.cmdlet,
      parameter: missing[0]!.name,
      powershellMessage: `Cannot process command because of one or more missing mandatory parameters: ${missing.map((p) => p.name).join(' ')}.`,
      ...(piped.length > 0
        ? { detail: `(${piped.map((p) => `-${p.name}`).join(', ')} can also come from the pipeline.)` }
        : {}),
    });
  }
  return Object.freeze({
    parameterSet: table.setNames[31 - Math.clz32(candidates)]!,
    fromPipeline: Object.freeze(fromPipeline),
  });
}

/**
 * Resolves the parameter set of already-bound parameters (for builders): the bound parameters narrow the sets, an
 * empty intersection is AmbiguousParameterSet; then as `resolveSet`.
 */
export function resolveParameterSet(input: ResolveInput): ResolvedSet {
  const table = bindingTable(input.view);
  const shell = input.view.shell ?? '5.1';
  const isBound: boolean[] = new Array<boolean>(table.params.length).fill(false);
  const bound: ParameterInfo[] = [];
  let sets = table.allSets;
  for (const spec of input.bound) {
    const p = table.byName.get(spec.name);
    if (!p) continue;
    isBound[p.index] = true;
    bound.push(p);
    sets &= p.sets;
    if (sets === 0) throw ambiguousSetError(table, bound, shell);
  }
  return resolveSet(table, isBound, sets, input.pipelineInput, input.lenient ?? false, shell);
}
