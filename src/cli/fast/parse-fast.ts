// Parses the argument shapes that strict yargs reads unambiguously; anything else is left to yargs.
import { STDIN_ARGUMENT } from '../read-input.js';
import type { DeclaredOption, RecordedCommand } from './record-command.js';
import { GLOBAL_OPTIONS } from '../global-options.js';

/** A command line the fast path took: the leaf command and the arguments yargs would hand its handler. */
export interface FastMatch {
  readonly command: RecordedCommand;
  readonly args: Record<string, unknown>;
}

/** What yargs-parser might read as a number (a superset of its looksLikeNumber). */
const NUMBER_LIKE = /^(?:0x[0-9a-f]+|[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)$/i;
const INTEGER = /^\d+$/;

const camelCase = (key: string): string => key.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const isArray = (o: DeclaredOption): boolean => o.array === true || o.type === 'array';

/** The value of a non-boolean option or positional as yargs types it; null when yargs might read it otherwise. */
function typed(o: DeclaredOption, text: string): unknown {
  if (o.choices && !o.choices.includes(text)) return null;
  if (o.type === 'number') return INTEGER.test(text) ? Number(text) : null;
  if (o.type === 'string' || (isArray(o) && o.string === true)) return text;
  return NUMBER_LIKE.test(text) ? null : text;
}

/**
 * The handler arguments strict yargs would produce for `argv` (after run-cli's `-` mapping), or null when the shape is
 * not one the fast path reads exactly: short or unknown options, `--`, help or version, a repeated single option, a
 * missing or extra positional, values that look like numbers or options, a failing check.
 * @example parseFast([recordCommand(runCommand(io, done))], ['run', 'g.ps1', '--state', 'S'])?.args.state // 'S'
 */
export function parseFast(commands: readonly RecordedCommand[], given: readonly string[]): FastMatch | null {
  const argv = given.map((a) => (a === '-' ? STDIN_ARGUMENT : a));
  let command = commands.find((c) => c.name === argv[0]);
  const path: string[] = [];
  let i = 1;
  if (command) path.push(command.name);
  while (command && command.subcommands.length > 0) {
    const name = argv[i++];
    command = command.subcommands.find((c) => c.name === name);
    if (command) path.push(command.name);
  }
  if (!command || !command.supported || !command.handler) return null;
  const args: Record<string, unknown> = {};
  const positional: string[] = [];
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') return null;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const next = argv[i + 1];
    const negated = flag.startsWith('no-') ? command.options.get(flag.slice(3)) : undefined;
    if (negated && !command.options.has(flag)) {
      const key = flag.slice(3);
      if (negated.type !== 'boolean' || inline !== undefined || key in args) return null;
      args[key] = false;
      continue;
    }
    const o = command.options.get(flag);
    if (!o || (flag in args && !isArray(o))) return null;
    if (o.type === 'boolean') {
      if (inline === undefined) {
        // yargs would read a following `true`/`false` (or a positional) differently: only a flag or the end is exact.
        if (next !== undefined && !next.startsWith('--')) return null;
        args[flag] = true;
      } else if (inline === 'true' || inline === 'false') args[flag] = inline === 'true';
      else return null;
      continue;
    }
    let text = inline;
    if (text === undefined) {
      if (next === undefined || next.startsWith('-')) return null;
      text = next;
      i++;
    }
    if (text === '') return null;
    const value = typed(o, text);
    if (value === null) return null;
    if (isArray(o)) {
      // yargs arrays take every following value (after `--x=v` too): only the one-value shape is exact.
      if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) return null;
      args[flag] = [...((args[flag] as unknown[] | undefined) ?? []), value];
    } else args[flag] = value;
  }
  if (positional.length > command.slots.length) return null;
  for (const [n, slot] of command.slots.entries()) {
    const o = command.positionals.get(slot.name) ?? {};
    const text = positional[n];
    if (slot.variadic) return null;
    if (text === undefined) {
      if (slot.required) return null;
      continue;
    }
    const value = o.type === 'number' ? typed(o, text) : NUMBER_LIKE.test(text) ? null : typed(o, text);
    if (value === null || text.startsWith('-')) return null;
    args[slot.name] = value;
  }
  for (const [name, o] of command.options) {
    if (name in args) continue;
    if (o.demandOption) return null;
    if (o.default !== undefined) args[name] = o.default;
  }
  // The global options' defaults, as yargs gives them to every handler (a count starts at 0, under its alias too).
  for (const [name, o] of Object.entries(GLOBAL_OPTIONS)) {
    if (o.type !== 'count' || name in args) continue;
    args[name] = 0;
    for (const alias of [o.alias ?? []].flat()) args[alias] = 0;
  }
  for (const key of Object.keys(args)) if (key.includes('-')) args[camelCase(key)] = args[key];
  args._ = path;
  args.$0 = 'exchcert';
  for (const check of command.checks) {
    try {
      if (check(args) !== true) return null;
    } catch {
      return null;
    }
  }
  return { command, args };
}
