import type { Invocation } from '../node/invocation.js';
import type { Secret } from '../node/secret.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import type { ShellVersion } from '../spec/shell-version.js';
import type { SecretsMode } from './render-options.js';

/** The result of compiling a command or script: exact text plus what a backend and a reviewer need. */
export interface CompiledScript {
  /** The exact text to run, one statement per line (CRLF-free, `\n` between lines). */
  readonly text: string;
  /** The same lines for people and logs: inline secrets replaced by `********`. Equal to `text` without inline secrets. */
  readonly displayText: string;
  readonly lines: readonly string[];
  readonly shell: ShellVersion;
  readonly exchange: ExchangeTarget | undefined;
  readonly secretsMode: SecretsMode;
  /** `variable` mode: the variables the backend must set before running `text`, by name (without `$`). */
  readonly secretVariables: ReadonlyMap<string, Secret>;
  /** The statement-level invocations `bind(text)` gives back (helpers the dialect emitted included). */
  readonly invocations: readonly Invocation[];
}
