import { BindingError } from '../errors/binding-error.js';
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import type { ShellView } from '../spec/registry.js';

/**
 * Finds the parameter a written name means, as PowerShell does: an exact name or alias first, then a unique
 * prefix of names and aliases; several different parameters matching is an error naming them.
 */
export function matchParameter(view: ShellView, written: string): ParameterSpec {
  const lower = written.toLowerCase();
  const exact = view.parameters.find((p) => p.name.toLowerCase() === lower || p.aliases.some((a) => a.toLowerCase() === lower));
  if (exact) return exact;
  const matches = new Set<ParameterSpec>();
  for (const p of view.parameters) {
    if (p.name.toLowerCase().startsWith(lower) || p.aliases.some((a) => a.toLowerCase().startsWith(lower))) matches.add(p);
  }
  if (matches.size === 1) return [...matches][0]!;
  const cmdlet = view.cmdlet.name;
  if (matches.size === 0) {
    throw new BindingError({ errorId: 'NamedParameterNotFound', cmdlet, parameter: written,
      powershellMessage: `A parameter cannot be found that matches parameter name '${written}'.` });
  }
  const names = [...matches].map((p) => `-${p.name}`).join(' ');
  throw new BindingError({ errorId: 'AmbiguousParameter', cmdlet, parameter: written,
    powershellMessage: `Parameter cannot be processed because the parameter name '${written}' is ambiguous. Possible matches include: ${names}.` });
}
