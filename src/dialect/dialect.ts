import type { SecureStringIdiom } from '../idiom/secure-string-from-text.js';
import type { ShellVersion } from '../spec/shell-version.js';

/** How a dialect reads a file's bytes. */
export type ByteReader = 'getContentEncodingByte' | 'getContentAsByteStream' | 'readAllBytes';
/** How a dialect writes bytes to a file. */
export type ByteWriter = 'setContentEncodingByte' | 'setContentAsByteStream' | 'writeAllBytes';

/** What differs between PowerShell versions, as capability flags (never `if (dialect === ...)`). */
export interface Dialect {
  readonly shell: ShellVersion;
  /** Human name, e.g. "Windows PowerShell 5.1". */
  readonly title: string;
  /** Default way to read file bytes. */
  readonly byteReader: ByteReader;
  /** Default way to write bytes. */
  readonly byteWriter: ByteWriter;
  /** `Get-Content -Encoding Byte` works (2.0/5.1); on 7 it is an error. */
  readonly supportsEncodingByte: boolean;
  /** `-AsByteStream` exists (6.0+). */
  readonly supportsAsByteStream: boolean;
  /** `Get-Content -Raw` exists (3.0+). */
  readonly supportsRaw: boolean;
  /** `ConvertTo-SecureString -AsPlainText` must be followed by `-Force` (2.0/5.1). */
  readonly secureString: SecureStringIdiom;
  /** `` `e `` and `` `u{...} `` escapes exist in double-quoted strings (6.0+). */
  readonly supportsUnicodeEscape: boolean;
  /** `&&`, `||` and trailing `&` exist (7.0+). */
  readonly supportsPipelineChains: boolean;
  /** An explicit parameter may override a splatted one (7.1+); before, a duplicate is an error. */
  readonly explicitOverridesSplat: boolean;
  /** Where-Object/ForEach-Object simplified syntax (3.0+). */
  readonly supportsSimplifiedWhere: boolean;
  /**
   * Runs on .NET (7) rather than .NET Framework (5.1, 2.0), as its messages show: a bad number is quoted ("The input
   * string 'x' was not in a correct format." vs "Input string was not in a correct format.") and a double prints as
   * its shortest round-trip text (3.0000000000000006E+39) instead of 15 digits (3E+39).
   */
  readonly netCoreMessages: boolean;
}
