// The output and target options every typed subcommand shares.

/** Output options shared by every typed subcommand. */
export interface OutputOptions {
  readonly backend: string;
  readonly state?: string | undefined;
  readonly connect?: string | undefined;
  readonly json?: boolean | undefined;
  readonly answers?: readonly string[] | undefined;
  readonly shell?: string | undefined;
  readonly exchange?: string | undefined;
  readonly secrets?: string | undefined;
  readonly quoting?: string | undefined;
  readonly bytes?: string | undefined;
}
