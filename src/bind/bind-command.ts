// Binds one command as PowerShell's CmdletParameterBinderController does, in its order of checks and errors.
import { dialectFor } from '../dialect/dialects.js';
import type { Dialect } from '../dialect/dialect.js';
import type { ParameterValue } from '../node/invocation.js';
import type { CommandAst, HashtableAst } from '../ast/ast.js';
import type { CmdletSpec } from '../spec/cmdlet-spec.js';
import { describeAvailability, isAvailable } from '../spec/exchange-target.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import { findCmdlet } from '../spec/registry.js';
import type { ShellVersion } from '../spec/shell-version.js';
import type { BoundInvocation } from './bound-invocation.js';
import { namedParameterNotFound, parameterAlreadyBound, positionalParameterNotFound } from './binding-errors.js';
import { tableFor } from '../spec/binding-table.js';
import type { BindingTable, ParameterInfo } from '../spec/binding-table.js';
import { argumentText } from './argument-text.js';
import { convertArgument } from './convert-argument.js';
import { findParameter } from './match-parameter.js';
import { pipelineTargets } from '../spec/pipeline-targets.js';
import type { Argument, BindingSource, PositionalArgument } from './read-arguments.js';
import { readArguments } from './read-arguments.js';
import type { RawArgument } from './raw-argument.js';
import { rawToValue } from './raw-argument.js';
import { reparseArguments } from './reparse-arguments.js';
import { ambiguousSetError, resolveSet } from '../spec/parameter-sets.js';

export type { BindingSource } from './read-arguments.js';

/** What binding knows beyond the command: dialect, target and the script's hashtables for splatting. */
export interface BindContext {
  readonly shell: ShellVersion | undefined;
  readonly exchange: ExchangeTarget | undefined;
  /** Hashtable literals assigned to variables earlier in the script, by lower-case name. */
  readonly splats: Map<string, HashtableAst>;
  /** Optional extra command tables, consulted when the registry does not know a name (the mock interpreter's own built-ins). */
  readonly commands?: (name: string) => CmdletSpec | undefined;
}

/** Where the command stands: first in its pipeline (`undefined`), or after a command (its name) or an expression (null). */
export type Upstream = string | null | undefined;

function commandName(cmd: CommandAst): string {
  const first = cmd.commandElements[0];
  if (first && first.type === 'StringConstantExpressionAst') return first.value;
  return first ? first.extent.text : '';
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** One command's binding in progress: values by parameter index, binding order, the sets still possible. */
class Binding {
  readonly values: (ParameterValue | undefined)[];
  readonly isBound: boolean[];
  readonly order: ParameterInfo[] = [];
  sets: number;

  constructor(
    readonly table: BindingTable,
    readonly ctx: BindContext,
    readonly dialect: Dialect,
    readonly sources: Map<string, BindingSource> | undefined,
  ) {
    this.values = new Array<ParameterValue | undefined>(table.params.length);
    this.isBound = new Array<boolean>(table.params.length).fill(false);
    this.sets = table.allSets;
  }

  /** Converts and binds one argument (errors are thrown), narrowing the sets. */
  bind(p: ParameterInfo, raw: RawArgument, source: BindingSource | null): void {
    const cmdlet = this.table.cmdlet;
    const target = this.ctx.exchange;
    if (target && !isAvailable(p.spec.exchange, target)) {
      throw namedParameterNotFound(
        cmdlet,
        p.spec.name,
        `(Exchange ${target.label} has no -${p.spec.name}; it exists on ${describeAvailability(p.spec.exchange)}.${p.spec.instead ? ` Use ${p.spec.instead} instead.` : ''})`,
      );
    }
    this.values[p.index] = convertArgument(cmdlet, p, raw, this.dialect, target?.major);
    if (!this.isBound[p.index]) this.order.push(p);
    this.isBound[p.index] = true;
    this.sets &= p.sets;
    if (this.sources && source) this.sources.set(p.spec.option, source);
  }
}

/** With explicit-overrides-splat (7), the parameters given explicitly, whose splatted values are dropped. */
function explicitParameters(table: BindingTable, args: readonly Argument[]): Set<number> | null {
  if (!args.some((a) => a.k === 'named' && a.splat)) return null;
  const out = new Set<number>();
  for (const a of args) {
    if (a.k !== 'named' || a.splat || a.raw === null) continue;
    try {
      const p = findParameter(table, a.name);
      if (p) out.add(p.index);
    } catch {
      /* reported when bound */
    }
  }
  return out;
}

/** Binds the named arguments in written order; returns what is left (unknown names, positional values). */
function bindNamed(b: Binding, args: readonly Argument[]): Argument[] {
  const left: Argument[] = [];
  const explicit = b.dialect.explicitOverridesSplat ? explicitParameters(b.table, args) : null;
  for (const a of args) {
    if (a.k === 'positional' || a.raw === null) {
      left.push(a);
      continue;
    }
    const p = findParameter(b.table, a.name);
    if (!p) {
      left.push(a);
      continue;
    }
    if (a.splat && explicit?.has(p.index)) continue;
    if (b.isBound[p.index]) throw parameterAlreadyBound(b.table.cmdlet, a.name);
    b.bind(p, a.raw, a.source);
  }
  return left;
}

/**
 * Binds positional values position by position: each position takes the next value, the default set's parameter
 * first while that set is possible; a value no position takes stays left over.
 */
function bindPositional(b: Binding, left: Argument[]): Argument[] {
  let next = 0;
  for (const group of b.table.positions) {
    while (next < left.length && left[next]!.k !== 'positional') next++;
    if (next >= left.length) break;
    const arg = left[next] as PositionalArgument;
    // PowerShell first tries the parameters at a position without type coercion: a script block goes to the
    // [scriptblock] parameter (Where-Object { ... } binds -FilterScript, not -Property).
    const scriptBlock = arg.source.type === 'ScriptBlockExpressionAst';
    let chosen: ParameterInfo | undefined;
    let preferred: ParameterInfo | undefined;
    let fallback: ParameterInfo | undefined;
    for (const p of group) {
      if (b.isBound[p.index] || (p.sets & b.sets) === 0) continue;
      fallback ??= p;
      if (scriptBlock && p.spec.type === 'ScriptBlock') {
        chosen = p;
        break;
      }
      if (!preferred && (b.sets & b.table.defaultSet) !== 0 && (p.sets & b.table.defaultSet) !== 0) preferred = p;
    }
    chosen ??= preferred ?? fallback;
    if (!chosen) continue;
    b.bind(chosen, arg.raw, arg.source);
    left.splice(next, 1);
  }
  return left;
}

/** The first argument nothing took: an unknown name, or a value no position accepts. */
function leftOverError(cmdlet: string, a: Argument): Error {
  if (a.k === 'named') return namedParameterNotFound(cmdlet, a.name);
  return positionalParameterNotFound(cmdlet, a.raw.t === 'null' ? '$null' : argumentText(a.raw));
}

/** Unknown commands: `-Name value` pairs and positional arguments, unconverted. */
function bindUnknown(
  cmd: CommandAst,
  written: string,
  ctx: BindContext,
  nested: (c: CommandAst) => BoundInvocation | null,
  sources?: Map<string, BindingSource>,
): BoundInvocation {
  const { args } = readArguments(cmd, ctx.splats, nested);
  const parameters: Record<string, ParameterValue> = {};
  const positional: ParameterValue[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.k === 'positional') {
      if (sources) sources.set(`#${positional.length}`, a.source);
      positional.push(rawToValue(a.raw));
      continue;
    }
    let raw = a.raw;
    let source = a.source;
    const after = args[i + 1];
    if (raw === null && after && after.k === 'positional') {
      raw = after.raw;
      source = after.source;
      i++;
    }
    parameters[lowerFirst(a.name)] = raw === null ? true : rawToValue(raw);
    if (sources && source) sources.set(lowerFirst(a.name), source);
  }
  return Object.freeze({
    cmdlet: written,
    parameterSet: null,
    parameters: Object.freeze(parameters),
    args: Object.freeze(positional),
    extent: cmd.extent,
  });
}

/**
 * Binds one command as PowerShell would: names (exact, alias, unique prefix, own before common), arguments paired,
 * named then positional binding with conversion, set resolution; known cmdlets give typed invocations, unknown
 * commands pass through with parameterSet null. Errors come in PowerShell's order with its wording.
 * When `sources` is given it receives, per bound parameter (camelCase; `#<n>` for an unknown command's positional
 * arguments), the expression or splatted value statement it came from (switches given without a value have none).
 */
export function bindCommand(
  cmd: CommandAst,
  ctx: BindContext,
  upstream: Upstream,
  sources?: Map<string, BindingSource>,
): BoundInvocation {
  const written = commandName(cmd);
  const spec = findCmdlet(written) ?? ctx.commands?.(written);
  const nested = (c: CommandAst): BoundInvocation | null => {
    try {
      return bindCommand(c, ctx, undefined);
    } catch {
      return null;
    }
  };
  if (!spec) return bindUnknown(cmd, written, ctx, nested, sources);
  const table = tableFor(spec, ctx.shell);
  const view = table.view;
  const b = new Binding(table, ctx, dialectFor(ctx.shell ?? '5.1'), sources);
  const { args, unknownSplat } = readArguments(cmd, ctx.splats, nested);
  const left = bindPositional(b, bindNamed(b, reparseArguments(table, args)));
  if (b.sets === 0) throw ambiguousSetError(table, b.order, b.dialect.shell);
  if (left.length > 0) throw leftOverError(table.cmdlet, left[0]!);
  const resolved = resolveSet(table, b.isBound, b.sets, upstream !== undefined, unknownSplat, b.dialect.shell);
  const parameters: Record<string, ParameterValue> = {};
  for (const p of b.order) parameters[p.spec.option] = b.values[p.index]!;
  if (upstream !== undefined)
    Object.assign(
      parameters,
      pipelineTargets(view, resolved.parameterSet, new Set(b.order.map((p) => p.spec.name)), upstream),
    );
  return Object.freeze({
    cmdlet: table.cmdlet,
    parameterSet: resolved.parameterSet,
    parameters: Object.freeze(parameters),
    extent: cmd.extent,
  });
}
