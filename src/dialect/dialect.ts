import type { GetContentBytesIdiom } from '../idiom/file-bytes.js';
import type { SecureStringIdiom } from '../idiom/secure-string-from-text.js';
import type { ShellVersion } from '../spec/shell-version.js';

/** What differs between PowerShell versions: the idioms a shell writes plus a few hooks (never `shell === ...`). */
export interface Dialect {
  readonly shell: ShellVersion;
  /** Human name, e.g. "Windows PowerShell 5.1". */
  readonly title: string;
  /** How this shell reads a file's bytes with Get-Content (and whether it knows `-Encoding Byte`). */
  readonly fileBytes: GetContentBytesIdiom;
  /** How this shell turns plain text into a SecureString (`-Force` or not). */
  readonly secureString: SecureStringIdiom;
  /** An explicit parameter may override a splatted one (7.1+); before, a duplicate is an error. */
  readonly explicitOverridesSplat: boolean;
  /**
   * Runs on .NET (7) rather than .NET Framework (5.1, 2.0), as its messages show: a bad number is quoted ("The input
   * string 'x' was not in a correct format." vs "Input string was not in a correct format.") and a double prints as
   * its shortest round-trip text (3.0000000000000006E+39) instead of 15 digits (3E+39).
   */
  readonly netCoreMessages: boolean;
}
