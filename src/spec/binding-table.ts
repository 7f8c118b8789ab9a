// Per-view binder tables, built once per ShellView: sets as bit masks, name lookup order, positions, .NET types.
import type { CmdletSpec, ParameterSpec } from './cmdlet-spec.js';
import { DOTNET_TYPES } from './powershell-module.js';
import { shellView } from './registry.js';
import type { ShellView } from './registry.js';
import type { ShellVersion } from './shell-version.js';

/** Where a parameter comes from: the command's param block, [CmdletBinding()]'s common ones, or SupportsShouldProcess. */
export type ParameterOrigin = 'own' | 'common' | 'shouldProcess';

/** One parameter of a view, as the binder needs it. */
export interface ParameterInfo {
  readonly spec: ParameterSpec;
  readonly index: number;
  readonly origin: ParameterOrigin;
  /** Binds like a compiled cmdlet's parameter (no type-converting transformation): common, -WhatIf/-Confirm, helper cmdlets. */
  readonly compiled: boolean;
  /** Bits of the view's sets the parameter is in. */
  readonly sets: number;
  readonly isSwitch: boolean;
  /** The .NET type PowerShell names in messages (what the EMS proxy functions declare). */
  readonly netType: string;
  readonly takesPipeline: boolean;
}

/** A cached name lookup: the parameter, none (null), or the several an ambiguous prefix matches. */
export type Lookup = ParameterInfo | null | readonly ParameterInfo[];

/** Everything the binder precomputes for one view. */
export interface BindingTable {
  readonly view: ShellView;
  readonly cmdlet: string;
  readonly params: readonly ParameterInfo[];
  readonly byName: ReadonlyMap<string, ParameterInfo>;
  readonly setNames: readonly string[];
  readonly allSets: number;
  readonly defaultSet: number;
  /** Positional parameters grouped by position, lowest first (declaration order within a group). */
  readonly positions: readonly (readonly ParameterInfo[])[];
  /** Lower-case names, then aliases, in PowerShell's lookup order: own, common, then -WhatIf/-Confirm. */
  readonly names: readonly (readonly [string, ParameterInfo])[];
  readonly aliases: readonly (readonly [string, ParameterInfo])[];
  /** Lookups already made, by lower-case written name (bounded). */
  readonly lookups: Map<string, Lookup>;
}

const SHOULD_PROCESS = new Set(['WhatIf', 'Confirm']);
const ORDER: Readonly<Record<ParameterOrigin, number>> = { own: 0, common: 1, shouldProcess: 2 };
const TABLES = new WeakMap<ShellView, BindingTable>();

function originOf(view: ShellView, p: ParameterSpec): ParameterOrigin {
  if (p.common) return 'common';
  return view.cmdlet.supportsShouldProcess && SHOULD_PROCESS.has(p.name) ? 'shouldProcess' : 'own';
}

function build(view: ShellView): BindingTable {
  const setBit = new Map(view.sets.map((s, i) => [s, 1 << i]));
  const allSets = (1 << view.sets.length) - 1;
  const params = view.parameters.map((spec, index): ParameterInfo => {
    const origin = originOf(view, spec);
    const sets = spec.sets.length === 0 ? allSets : spec.sets.reduce((m, s) => m | (setBit.get(s) ?? 0), 0);
    return Object.freeze({
      spec,
      index,
      origin,
      sets,
      compiled: origin !== 'own' || view.cmdlet.kind === 'helper',
      isSwitch: spec.type === 'SwitchParameter',
      netType: DOTNET_TYPES[spec.type].fullName,
      takesPipeline: spec.pipeline !== undefined,
    });
  });
  const ordered = [...params].sort((a, b) => ORDER[a.origin] - ORDER[b.origin] || a.index - b.index);
  const positional = params
    .filter((p) => p.spec.position !== undefined)
    .sort((a, b) => a.spec.position! - b.spec.position! || a.index - b.index);
  const positions: ParameterInfo[][] = [];
  for (const p of positional) {
    const last = positions[positions.length - 1];
    if (last && last[0]!.spec.position === p.spec.position) last.push(p);
    else positions.push([p]);
  }
  return Object.freeze({
    view,
    cmdlet: view.cmdlet.name,
    params: Object.freeze(params),
    byName: new Map(params.map((p) => [p.spec.name, p])),
    setNames: view.sets,
    allSets,
    defaultSet: setBit.get(view.defaultSet) ?? 0,
    positions: Object.freeze(positions),
    names: Object.freeze(ordered.map((p) => [p.spec.name.toLowerCase(), p] as const)),
    aliases: Object.freeze(ordered.flatMap((p) => p.spec.aliases.map((a) => [a.toLowerCase(), p] as const))),
    lookups: new Map(),
  });
}

const BY_SPEC = new WeakMap<CmdletSpec, Map<ShellVersion | undefined, BindingTable>>();

/** The binder's table for a cmdlet in a shell (cached per spec: no view lookup per command). */
export function tableFor(spec: CmdletSpec, shell: ShellVersion | undefined): BindingTable {
  let byShell = BY_SPEC.get(spec);
  if (!byShell) {
    byShell = new Map();
    BY_SPEC.set(spec, byShell);
  }
  let table = byShell.get(shell);
  if (!table) {
    table = bindingTable(shellView(spec, shell));
    byShell.set(shell, table);
  }
  return table;
}

/** The binder's table for a view (built on first use). */
export function bindingTable(view: ShellView): BindingTable {
  let table = TABLES.get(view);
  if (!table) {
    table = build(view);
    TABLES.set(view, table);
  }
  return table;
}

/** The set names in a mask, in view order. */
export function setNamesOf(table: BindingTable, mask: number): string[] {
  return table.setNames.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** True when exactly one bit is set. */
export function single(mask: number): boolean {
  return mask !== 0 && (mask & (mask - 1)) === 0;
}
