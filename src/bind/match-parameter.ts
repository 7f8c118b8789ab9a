// Parameter name lookup as PowerShell's MergedCommandParameterMetadata.GetMatchingParameter does it.
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import type { ShellView } from '../spec/registry.js';
import { ambiguousParameter, namedParameterNotFound } from './binding-errors.js';
import { bindingTable } from '../spec/binding-table.js';
import type { BindingTable, Lookup, ParameterInfo } from '../spec/binding-table.js';

const MAX_CACHED = 4096;

function lookup(table: BindingTable, lower: string): Lookup {
  const matches: ParameterInfo[] = [];
  for (const [name, p] of table.names) {
    if (!name.startsWith(lower)) continue;
    if (name === lower) return p;
    matches.push(p);
  }
  for (const [alias, p] of table.aliases) {
    if (!alias.startsWith(lower)) continue;
    if (alias === lower) return p;
    if (!matches.includes(p)) matches.push(p);
  }
  if (matches.length === 0) return null;
  if (matches.length === 1) return matches[0]!;
  // Several: the command's own parameter wins over common and ShouldProcess ones when it is the only own one.
  const own = matches.filter((p) => p.origin === 'own');
  return own.length === 1 ? own[0]! : Object.freeze(matches);
}

/**
 * The parameter a written name (no dash) means: an exact name or alias, else a unique prefix, else the one own
 * parameter among several matches; null when nothing matches. Throws AmbiguousParameter with the candidates.
 */
export function findParameter(table: BindingTable, written: string): ParameterInfo | null {
  const lower = written.toLowerCase();
  let found = table.lookups.get(lower);
  if (found === undefined) {
    found = lookup(table, lower);
    if (table.lookups.size >= MAX_CACHED) table.lookups.clear();
    table.lookups.set(lower, found);
  }
  if (found === null || !Array.isArray(found)) return found as ParameterInfo | null;
  throw ambiguousParameter(table.cmdlet, written, found);
}

/**
 * Finds the parameter a written name means, as PowerShell does (exact name or alias, unique prefix, own parameters
 * before common ones); throws NamedParameterNotFound or AmbiguousParameter with PowerShell's wording.
 */
export function matchParameter(view: ShellView, written: string): ParameterSpec {
  const table = bindingTable(view);
  const p = findParameter(table, written);
  if (!p) throw namedParameterNotFound(table.cmdlet, written);
  return p.spec;
}
