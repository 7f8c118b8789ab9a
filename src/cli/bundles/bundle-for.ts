// Which bundle a command line starts in (main.ts loads only that one).

/** The bundles scripts/bundle-cli.js builds, one per entry in src/cli/bundles/. */
export const BUNDLES = ['print', 'typed', 'run', 'ca', 'mock', 'full'] as const;

/** One of {@link BUNDLES}. */
export type BundleName = (typeof BUNDLES)[number];

/** The typed subcommands (TYPED_COMMANDS' names; a test keeps the two lists equal). */
export const TYPED_COMMAND_NAMES: readonly string[] = Object.freeze([
  'new-request',
  'new-selfsigned',
  'import',
  'enable',
  'export',
  'get',
  'remove',
]);

const BY_COMMAND: ReadonlyMap<string, BundleName> = new Map([
  ...TYPED_COMMAND_NAMES.map((name) => [name, 'typed'] as const),
  ['run', 'run'],
  ['ca', 'ca'],
  ['mock', 'mock'],
]);

/**
 * The bundle for a command line's first word: the command's own bundle, else the full CLI.
 * @example bundleFor('run') // 'run'
 */
export function bundleFor(command: string | undefined): BundleName {
  return (command !== undefined && BY_COMMAND.get(command)) || 'full';
}

/** Options that can turn printing off or run on backends, which the print bundle leaves out. */
const NOT_PRINT_ONLY = /^--(no-print|print=|servers)/;

/**
 * True when a typed command line can only print (`--print` given and nothing that could turn it off or fan out to
 * servers): the print bundle, without the backends, takes it.
 * @example printsOnly(['get', '--server', 'EX1', '--print']) // true
 */
export function printsOnly(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const args = end < 0 ? argv : argv.slice(0, end);
  const at = args.indexOf('--print');
  if (at < 0 || /^(true|false)$/i.test(args[at + 1] ?? '')) return false;
  return !args.some((a) => NOT_PRINT_ONLY.test(a));
}

/**
 * The bundle for a whole command line: a typed command that can only print goes to the print bundle.
 * @example bundleForLine(['new-request', '--subject-name', 'CN=a', '--print']) // 'print'
 */
export function bundleForLine(argv: readonly string[]): BundleName {
  const first = bundleFor(argv[0]);
  return first === 'typed' && printsOnly(argv) ? 'print' : first;
}
