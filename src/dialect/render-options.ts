import type { ExchangeTarget } from '../spec/exchange-target.js';
import type { ShellVersion } from '../spec/shell-version.js';
import type { QuoteStyle } from './quote.js';

/** How secrets appear in rendered text. */
export type SecretsMode = 'inline' | 'variable' | 'prompt';

/** Options of `render` and `compile`. */
export interface RenderOptions {
  /** PowerShell dialect: '2.0', '5.1' or '7'; defaults to 2.0 for an Exchange 2010 target, else 5.1. */
  readonly shell?: ShellVersion | string;
  /** Exchange target (`2013`, `2016-CU22`, `2019-CU14`, `SE`); parameters it lacks are errors. Omitted: no version check. */
  readonly exchange?: string | ExchangeTarget;
  /**
   * `variable` (default): `$ExchcertPassword`, filled by the backend without putting the secret in the text;
   * `inline`: `(ConvertTo-SecureString -String '...' -AsPlainText -Force)`; `prompt`: `(Read-Host -AsSecureString)`.
   */
  readonly secrets?: SecretsMode;
  /** `literal` (default; Mode S with automatic Mode A) or `ascii` (Mode A everywhere, for transports that mangle text). */
  readonly quoting?: QuoteStyle;
  /** `dialect` (default): each dialect's own byte reader; `dotnet`: `[System.IO.File]::ReadAllBytes(...)` everywhere. */
  readonly bytes?: 'dialect' | 'dotnet';
}
