import { BindingError } from '../errors/binding-error.js';
import type { ParameterValue } from '../node/invocation.js';
import type { CommandAst, CommandElementAst, ExpressionAst, HashtableAst, StatementAst } from '../parser/ast.js';
import type { CmdletSpec, ParameterSpec } from '../spec/cmdlet-spec.js';
import { describeAvailability, isAvailable } from '../spec/exchange-target.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import { findCmdlet, shellView } from '../spec/registry.js';
import type { ShellVersion } from '../spec/shell-version.js';
import { astToRaw, unwrap } from './ast-to-raw.js';
import type { BoundInvocation } from './bound-invocation.js';
import { convertArgument } from './convert-argument.js';
import { matchParameter } from './match-parameter.js';
import { pipelineTargets } from './pipeline-targets.js';
import type { RawArgument } from './raw-argument.js';
import { rawToValue } from './raw-argument.js';
import { parameterSets, resolveParameterSet } from './resolve-parameter-set.js';

/** What binding knows beyond the command: dialect, target and the script's hashtables for splatting. */
export interface BindContext {
  readonly shell: ShellVersion | undefined;
  readonly exchange: ExchangeTarget | undefined;
  /** Hashtable literals assigned to variables earlier in the script, by lower-case name. */
  readonly splats: Map<string, HashtableAst>;
  /** Optional extra command tables, consulted when the registry does not know a name (the mock interpreter's own built-ins). */
  readonly commands?: (name: string) => CmdletSpec | undefined;
}

/** Where a bound parameter's value was written: its argument expression, or a splatted hashtable's value statement. */
export type BindingSource = ExpressionAst | StatementAst;

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

/** An entry to bind: a parameter (by name) or a positional argument. */
type Entry = { kind: 'named'; name: string; raw: RawArgument; fromSplat: boolean; text: string; source: BindingSource | null } | { kind: 'positional'; raw: RawArgument; text: string; source: BindingSource };

/** Reads the elements after the command name into named and positional entries (splats expanded). */
function readEntries(cmd: CommandAst, ctx: BindContext, nested: (c: CommandAst) => BoundInvocation | null, cmdlet: string, isSwitch: (name: string) => boolean | undefined): { entries: Entry[]; unknownSplat: boolean } {
  const entries: Entry[] = [];
  let unknownSplat = false;
  const els = cmd.commandElements;
  for (let i = 1; i < els.length; i++) {
    const el: CommandElementAst = els[i]!;
    if (el.type === 'CommandParameterAst') {
      const sw = isSwitch(el.parameterName);
      if (el.usedColon && el.argument) {
        entries.push({ kind: 'named', name: el.parameterName, raw: astToRaw(el.argument, nested), fromSplat: false, text: el.extent.text, source: el.argument });
      } else if (sw === true) {
        entries.push({ kind: 'named', name: el.parameterName, raw: { t: 'bool', value: true }, fromSplat: false, text: el.extent.text, source: null });
      } else {
        const next = els[i + 1];
        if (next && next.type !== 'CommandParameterAst') {
          entries.push({ kind: 'named', name: el.parameterName, raw: astToRaw(next, nested), fromSplat: false, text: next.extent.text, source: next });
          i++;
        } else if (sw === undefined) {
          entries.push({ kind: 'named', name: el.parameterName, raw: { t: 'bool', value: true }, fromSplat: false, text: el.extent.text, source: null });
        } else {
          throw new BindingError({ errorId: 'MissingArgument', cmdlet, parameter: el.parameterName,
            powershellMessage: `Missing an argument for parameter '${el.parameterName}'. Specify a parameter of type '${netTypeOf(el.parameterName)}' and try again.` });
        }
      }
    } else if (el.type === 'VariableExpressionAst' && el.splatted) {
      const table = ctx.splats.get(el.variablePath.toLowerCase());
      if (!table) { unknownSplat = true; continue; }
      for (const [key, value] of table.keyValuePairs) {
        const k = unwrap(key);
        const name = k.type === 'StringConstantExpressionAst' ? k.value : k.extent.text;
        const expr = value.type === 'PipelineAst' && value.pipelineElements.length === 1 && value.pipelineElements[0]!.type === 'CommandExpressionAst' ? value.pipelineElements[0].expression : null;
        const raw: RawArgument = expr ? astToRaw(expr, nested) : { t: 'value', value: { kind: 'expression', text: value.extent.text }, text: value.extent.text };
        entries.push({ kind: 'named', name, raw, fromSplat: true, text: value.extent.text, source: value });
      }
    } else {
      entries.push({ kind: 'positional', raw: astToRaw(el as ExpressionAst, nested), text: el.extent.text, source: el as ExpressionAst });
    }
  }
  return { entries, unknownSplat };
  function netTypeOf(_name: string): string { return 'System.String'; }
}

/**
 * Binds one command as PowerShell would: names (exact, alias or unique prefix), positions, set resolution,
 * argument conversion; known cmdlets give typed invocations, unknown commands pass through with parameterSet null.
 * When `sources` is given it receives, per bound parameter (camelCase; `#<n>` for an unknown command's positional
 * arguments), the expression or splatted value statement it came from (switches given without a value have none).
 */
export function bindCommand(cmd: CommandAst, ctx: BindContext, upstream: Upstream, sources?: Map<string, BindingSource>): BoundInvocation {
  const written = commandName(cmd);
  const spec = findCmdlet(written) ?? ctx.commands?.(written);
  const nested = (c: CommandAst): BoundInvocation | null => {
    try { return bindCommand(c, ctx, undefined); } catch { return null; }
  };
  if (!spec) {
    const { entries } = readEntries(cmd, ctx, nested, written, () => undefined);
    const parameters: Record<string, ParameterValue> = {};
    const args: ParameterValue[] = [];
    for (const e of entries) {
      if (e.kind === 'named') {
        parameters[lowerFirst(e.name)] = rawToValue(e.raw);
        if (sources && e.source) sources.set(lowerFirst(e.name), e.source);
      } else {
        if (sources) sources.set(`#${args.length}`, e.source);
        args.push(rawToValue(e.raw));
      }
    }
    return Object.freeze({ cmdlet: written, parameterSet: null, parameters: Object.freeze(parameters), args: Object.freeze(args), extent: cmd.extent });
  }
  const view = shellView(spec, ctx.shell);
  const cmdlet = spec.name;
  const isSwitch = (name: string): boolean | undefined => matchParameter(view, name).type === 'SwitchParameter';
  const { entries, unknownSplat } = readEntries(cmd, ctx, nested, cmdlet, isSwitch);

  const bound = new Map<ParameterSpec, { raw: RawArgument; fromSplat: boolean; source: BindingSource | null }>();
  const positional: { raw: RawArgument; text: string; source: BindingSource }[] = [];
  for (const e of entries) {
    if (e.kind === 'positional') { positional.push(e); continue; }
    const p = matchParameter(view, e.name);
    const prior = bound.get(p);
    if (prior) {
      const overrides = ctx.shell === '7' && prior.fromSplat !== e.fromSplat;
      if (!overrides) {
        throw new BindingError({ errorId: 'ParameterAlreadyBound', cmdlet, parameter: p.name,
          powershellMessage: `Cannot bind parameter because parameter '${p.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".` });
      }
      if (!e.fromSplat) bound.set(p, { raw: e.raw, fromSplat: false, source: e.source });
      continue;
    }
    bound.set(p, { raw: e.raw, fromSplat: e.fromSplat, source: e.source });
  }

  // Positional arguments fill the lowest free position; the default set's parameter wins a shared position.
  let candidates = view.sets.filter((s) => [...bound.keys()].every((p) => parameterSets(view, p).includes(s)));
  for (const arg of positional) {
    const free = view.parameters.filter((p) => p.position !== undefined && p.type !== 'SwitchParameter' && !bound.has(p) && parameterSets(view, p).some((s) => candidates.includes(s)));
    if (free.length === 0) {
      throw new BindingError({ errorId: 'PositionalParameterNotFound', cmdlet, powershellMessage: `A positional parameter cannot be found that accepts argument '${arg.text}'.` });
    }
    const lowest = Math.min(...free.map((p) => p.position!));
    const atLowest = free.filter((p) => p.position === lowest);
    const p = (candidates.includes(view.defaultSet) ? atLowest.find((q) => parameterSets(view, q).includes(view.defaultSet)) : undefined) ?? atLowest[0]!;
    bound.set(p, { raw: arg.raw, fromSplat: false, source: arg.source });
    candidates = candidates.filter((s) => parameterSets(view, p).includes(s));
  }

  const parameters: Record<string, ParameterValue> = {};
  for (const [p, { raw, source }] of bound) {
    if (sources && source) sources.set(p.option, source);
    parameters[p.option] = convertArgument(cmdlet, p, raw);
    checkTarget(cmdlet, p, parameters[p.option]!, ctx);
  }
  const resolved = resolveParameterSet({ view, bound: [...bound.keys()], pipelineInput: upstream !== undefined, lenient: unknownSplat });
  if (upstream !== undefined) Object.assign(parameters, pipelineTargets(view, resolved.parameterSet, new Set([...bound.keys()].map((p) => p.name)), upstream));
  return Object.freeze({ cmdlet, parameterSet: resolved.parameterSet, parameters: Object.freeze(parameters), extent: cmd.extent });
}

/** Parameters (and values) the target lacks, reported as PowerShell reports them there. */
function checkTarget(cmdlet: string, p: ParameterSpec, value: ParameterValue, ctx: BindContext): void {
  if (ctx.exchange && !isAvailable(p.exchange, ctx.exchange)) {
    throw new BindingError({ errorId: 'NamedParameterNotFound', cmdlet, parameter: p.name,
      powershellMessage: `A parameter cannot be found that matches parameter name '${p.name}'.`,
      detail: `(Exchange ${ctx.exchange.label} has no -${p.name}; it exists on ${describeAvailability(p.exchange)}.${p.instead ? ` Use ${p.instead} instead.` : ''})` });
  }
  if (ctx.shell === '7' && p.type === 'Encoding' && typeof value === 'string' && value.toLowerCase() === 'byte') {
    throw new BindingError({ errorId: 'ParameterArgumentTransformationError', cmdlet, parameter: p.name,
      powershellMessage: `Cannot process argument transformation on parameter '${p.name}'. 'Byte' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')`,
      detail: '(PowerShell 7 reads bytes with -AsByteStream.)' });
  }
}
