// Reads a yargs command module's declarations (positionals, options, checks, subcommands) without loading yargs.
import type { CommandModule } from 'yargs';

/** One option or positional as the command's builder declared it (the yargs option fields the fast path reads). */
export interface DeclaredOption {
  readonly type?: string;
  readonly array?: boolean;
  readonly string?: boolean;
  readonly default?: unknown;
  readonly demandOption?: unknown;
  readonly choices?: readonly unknown[];
}

/** A yargs check: true when the arguments are acceptable (it may also throw). */
export type Check = (args: Record<string, unknown>) => unknown;

/** A positional slot of the command string (`<file>`, `[name]`, `<domains..>`). */
export interface PositionalSlot {
  readonly name: string;
  readonly required: boolean;
  readonly variadic: boolean;
}

/** What a command module declares, read by running its builder against a recorder. */
export interface RecordedCommand {
  readonly name: string;
  readonly slots: readonly PositionalSlot[];
  readonly positionals: ReadonlyMap<string, DeclaredOption>;
  readonly options: ReadonlyMap<string, DeclaredOption>;
  readonly checks: readonly Check[];
  readonly subcommands: readonly RecordedCommand[];
  readonly handler: ((args: Record<string, unknown>) => unknown) | undefined;
  /** False when the builder used anything the fast path does not reproduce (the command then always goes to yargs). */
  readonly supported: boolean;
}

/** Builder calls that only shape --help, which always goes to yargs: the fast path may ignore them. */
const HELP_ONLY = ['example', 'epilog', 'usage'];

const SLOT = /^([<[])([A-Za-z0-9_-]+)(\.\.)?[>\]]$/;

/** The recorder methods; any other builder call marks the command unsupported. */
const KNOWN = new Set(['option', 'options', 'positional', 'command', 'demandCommand', 'check', ...HELP_ONLY]);

/**
 * Records `module`'s command string and builder calls. Only a string command without aliases and the builder methods
 * option, positional, check, command and demandCommand are understood.
 * @example recordCommand(runCommand(io, done)).options.get('state') // { type: 'string', ... }
 */
export function recordCommand(module: CommandModule): RecordedCommand {
  const words = typeof module.command === 'string' ? module.command.trim().split(/\s+/) : [];
  const slots: PositionalSlot[] = [];
  let supported =
    words.length > 0 && module.aliases === undefined && (module as { middlewares?: unknown }).middlewares === undefined;
  for (const word of words.slice(1)) {
    const m = SLOT.exec(word);
    if (m) slots.push({ name: m[2]!, required: m[1] === '<', variadic: m[3] !== undefined });
    else supported = false;
  }
  const positionals = new Map<string, DeclaredOption>();
  const options = new Map<string, DeclaredOption>();
  const checks: Check[] = [];
  const subcommands: RecordedCommand[] = [];
  const addOptions = (map: unknown): void => {
    for (const [k, v] of Object.entries((map ?? {}) as Record<string, DeclaredOption>)) options.set(k, v);
  };
  const recorder: unknown = new Proxy(
    {},
    {
      get(_target, method: string | symbol) {
        if (typeof method !== 'string' || !KNOWN.has(method)) {
          supported = false;
          return () => recorder;
        }
        return (...args: unknown[]) => {
          const [first, second] = args;
          if (method === 'option' && typeof first === 'string') options.set(first, (second ?? {}) as DeclaredOption);
          else if (method === 'options' && typeof first === 'object') addOptions(first);
          else if (method === 'positional' && typeof first === 'string') {
            positionals.set(first, (second ?? {}) as DeclaredOption);
          } else if (method === 'check' && typeof first === 'function' && second === undefined) {
            checks.push(first as Check);
          } else if (method === 'command' && typeof first === 'object' && args.length === 1) {
            subcommands.push(recordCommand(first as CommandModule));
          } else if (method !== 'demandCommand' && !HELP_ONLY.includes(method)) supported = false;
          return recorder;
        };
      },
    },
  );
  const builder = module.builder;
  if (typeof builder === 'function') (builder as (y: unknown) => unknown)(recorder);
  else addOptions(builder);
  // Options of a parent command would reach its subcommands (yargs options are global): not reproduced.
  if (subcommands.length > 0 && options.size > 0) supported = false;
  for (const slot of slots) if (subcommands.length === 0 && !positionals.has(slot.name)) supported = false;
  return {
    name: words[0] ?? '',
    slots,
    positionals,
    options,
    checks,
    subcommands,
    handler: module.handler as ((args: Record<string, unknown>) => unknown) | undefined,
    supported: supported && subcommands.every((s) => s.supported),
  };
}
