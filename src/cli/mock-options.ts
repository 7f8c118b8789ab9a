import type { Argv } from 'yargs';
import type { MockState } from '../backend/mock/mock-state.js';

/** The `--state` argument. */
export type MockStateArgs = { state: string | undefined };
/** The `--state` and `--connect` arguments. */
export type MockArgs = MockStateArgs & { connect: string | undefined };

/** `--state`, shared by every command that opens a mock state. */
export function withStateOption<T>(y: Argv<T>): Argv<T & MockStateArgs> {
  return y.option('state', { type: 'string', describe: 'mock state folder (default ./.exchcert)' });
}

/** `--state` and `--connect`, shared by every command that runs on the mock. */
export function withMockOptions<T>(y: Argv<T>): Argv<T & MockArgs> {
  return withStateOption(y).option('connect', {
    type: 'string',
    describe: "server the mock shell is connected to (default: the state's first server)",
  });
}

/** Opens the state named by `--state`, runs fn, and closes it whatever happens. */
export async function withOpenState<T>(
  args: { readonly state?: string | undefined },
  fn: (state: MockState) => Promise<T> | T,
): Promise<T> {
  // Loaded here, not at import: commands that only declare the option must not load SQLite.
  const { openMockState } = await import('../backend/mock/mock-state.js');
  const state = openMockState(args.state ? args.state : undefined);
  try {
    return await fn(state);
  } finally {
    state.close();
  }
}
