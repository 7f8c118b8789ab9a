import type { Argv } from 'yargs';

/** `--state` and `--connect`, shared by every command that opens the mock. */
export function withMockOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('state', { type: 'string', describe: 'mock state folder (default ./.exchcert)' })
    .option('connect', { type: 'string', describe: "server the mock shell is connected to (default: the state's first server)" }) as Argv<T>;
}
