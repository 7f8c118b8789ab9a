// The options every command has: --log-file, -v/--quiet, --json, --backend, --state.
import type { Argv } from 'yargs';

/** Adds the global options (yargs options are global: every command, its help included, shows them). */
export function withGlobalOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('log-file', {
      type: 'string',
      describe: 'append JSON log lines to this file on this machine (default: standard error)',
      global: true,
    })
    .option('verbose', {
      alias: 'v',
      type: 'count',
      describe: 'log more: -v executed command lines, -vv debug',
      global: true,
    })
    .option('quiet', { type: 'boolean', describe: 'log nothing', global: true })
    .option('json', { type: 'boolean', describe: 'print results (and errors) as JSON', global: true })
    .option('backend', {
      type: 'string',
      describe: 'where to run: mock (default), print; else EXCHCERT_BACKEND, then the config file',
      global: true,
    })
    .option('state', {
      type: 'string',
      describe: 'state folder on this machine (default ./.exchcert; else EXCHCERT_STATE, then the config file)',
      global: true,
    })
    .group(['log-file', 'verbose', 'quiet', 'json', 'backend', 'state'], 'Global options:') as Argv<T>;
}
