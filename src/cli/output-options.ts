// The output and target options every typed subcommand shares.
import type { BackendOptions } from '../backend/backend-options.js';

/** Output options shared by every typed subcommand. */
export interface OutputOptions {
  readonly backend: string;
  /** The backend's connection options (registry BackendOptions). */
  readonly backendOptions?: BackendOptions;
  /** `--servers A,B,C|@FILE`: the call once per server, pinned with -Server. */
  readonly servers?: string | undefined;
  readonly throttle?: number | undefined;
  readonly state?: string | undefined;
  readonly connect?: string | undefined;
  readonly json?: boolean | undefined;
  readonly answers?: readonly string[] | undefined;
  readonly shell?: string | undefined;
  readonly exchange?: string | undefined;
  readonly secrets?: string | undefined;
  readonly quoting?: string | undefined;
  readonly bytes?: string | undefined;
  /** Logs each executed line (redacted). */
  readonly log?: { info(o: object, msg: string): void } | undefined;
}
