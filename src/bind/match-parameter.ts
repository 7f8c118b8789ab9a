import { BindingError } from '../errors/binding-error.js';
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import type { ShellView } from '../spec/registry.js';

/** Names and aliases of a view, lower-cased, with the parameter each belongs to. */
interface NameIndex {
  readonly exact: Map<string, ParameterSpec>;
  readonly names: readonly (readonly [string, ParameterSpec])[];
  /** Results of earlier lookups (a ParameterSpec or the matches of an ambiguous or unknown name). */
  readonly memo: Map<string, ParameterSpec | readonly ParameterSpec[]>;
}

const INDEX = new WeakMap<ShellView, NameIndex>();

function indexOf(view: ShellView): NameIndex {
  let index = INDEX.get(view);
  if (!index) {
    const names: (readonly [string, ParameterSpec])[] = [];
    for (const p of view.parameters) {
      names.push([p.name.toLowerCase(), p]);
      for (const a of p.aliases) names.push([a.toLowerCase(), p]);
    }
    index = { exact: new Map(names.map(([n, p]) => [n, p])), names, memo: new Map() };
    INDEX.set(view, index);
  }
  return index;
}

/**
 * Finds the parameter a written name means, as PowerShell does: an exact name or alias first, then a unique
 * prefix of names and aliases; several different parameters matching is an error naming them.
 */
export function matchParameter(view: ShellView, written: string): ParameterSpec {
  const index = indexOf(view);
  const lower = written.toLowerCase();
  let found = index.memo.get(lower);
  if (found === undefined) {
    const exact = index.exact.get(lower);
    if (exact) found = exact;
    else {
      const matches = new Set<ParameterSpec>();
      for (const [name, p] of index.names) if (name.startsWith(lower)) matches.add(p);
      found = matches.size === 1 ? [...matches][0]! : [...matches];
    }
    index.memo.set(lower, found);
  }
  if (!Array.isArray(found)) return found as ParameterSpec;
  const cmdlet = view.cmdlet.name;
  if (found.length === 0) {
    throw new BindingError({ errorId: 'NamedParameterNotFound', cmdlet, parameter: written,
      powershellMessage: `A parameter cannot be found that matches parameter name '${written}'.` });
  }
  const names = found.map((p) => `-${p.name}`).join(' ');
  throw new BindingError({ errorId: 'AmbiguousParameter', cmdlet, parameter: written,
    powershellMessage: `Parameter cannot be processed because the parameter name '${written}' is ambiguous. Possible matches include: ${names}.` });
}
