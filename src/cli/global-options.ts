// The options every command has: --log-file, -v/--quiet, --json, --backend, --state.
import type { Argv, Options } from 'yargs';

/** The global options, one table read by yargs and by the fast path (which must give handlers the same defaults). */
export const GLOBAL_OPTIONS: Readonly<Record<string, Options>> = Object.freeze({
  'log-file': {
    type: 'string',
    describe: 'append JSON log lines to this file on this machine (default: standard error)',
  },
  verbose: { alias: 'v', type: 'count', describe: 'log more: -v executed command lines, -vv debug' },
  quiet: { type: 'boolean', describe: 'log nothing' },
  json: { type: 'boolean', describe: 'print results (and errors) as JSON' },
  backend: {
    type: 'string',
    describe:
      'where to run: mock (default), local, remote, ssh, sim, print; else EXCHCERT_BACKEND, then the config file',
  },
  state: {
    type: 'string',
    describe: 'state folder on this machine (default ./.exchcert; else EXCHCERT_STATE, then the config file)',
  },
});

/** Adds the global options (yargs options are global: every command, its help included, shows them). */
export function withGlobalOptions<T>(y: Argv<T>): Argv<T> {
  let out: Argv<T> = y;
  for (const [name, o] of Object.entries(GLOBAL_OPTIONS)) out = out.option(name, { ...o, global: true }) as Argv<T>;
  return out.group(Object.keys(GLOBAL_OPTIONS), 'Global options:') as Argv<T>;
}
