// Which bundle a command line starts in (main.ts loads only that one).

/** The bundles scripts/bundle-cli.js builds, one per entry in src/cli/bundles/. */
export const BUNDLES = ['typed', 'run', 'ca', 'mock', 'full'] as const;

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
