// Capability flags of each shell that the runbook interpreter needs beyond the rendering dialect.
import type { Dialect } from '../dialect/dialect.js';
import { dialectFor } from '../dialect/dialects.js';
import type { ShellVersion } from '../spec/shell-version.js';

/** Text encodings a file is read or written with. */
export type TextEncodingName =
  | 'ansi'
  | 'ascii'
  | 'utf8'
  | 'utf8BOM'
  | 'utf8NoBOM'
  | 'unicode'
  | 'bigendianunicode'
  | 'utf32'
  | 'bigendianutf32'
  | 'utf7'
  | 'oem'
  | 'byte';

/** What the interpreter does differently per shell (one table; never `if (shell === ...)` elsewhere). */
export interface InterpreterDialect extends Dialect {
  /** CommandNotFoundException text for a name. */
  commandNotFound(name: string): string;
  /** .NET FormatException text when a string is not a number. */
  readonly notANumber: (text: string) => string;
  /** Table cells cut at the console width end with this. */
  readonly ellipsis: string;
  readonly consoleWidth: number;
  /** The console writes "N columns do not fit into the display and were removed." (Windows PowerShell; 7 is silent). */
  readonly warnsDroppedColumns: boolean;
  /** Set-Content's default text encoding (ANSI on Windows PowerShell, UTF-8 without BOM on 7). */
  readonly setContentDefault: TextEncodingName;
  /** Get-Content's encoding for files without a byte-order mark. */
  readonly getContentDefault: TextEncodingName;
  /** What `utf8` means when writing (5.1: with BOM; 7: without). */
  readonly utf8Writes: TextEncodingName;
  /** `[System.Text.Encoding]::Default`. */
  readonly defaultEncoding: TextEncodingName;
  /** -Encoding names the FileSystem provider accepts (lower case), mapped to what they mean. */
  readonly encodingNames: Readonly<Record<string, TextEncodingName>>;
  /** The error for an -Encoding value the shell does not know. */
  badEncoding(parameter: string, value: string): string;
  /** `$array.Property` collects the members of the elements (3.0+). */
  readonly memberEnumeration: boolean;
  /** `$PSItem` exists (3.0+). */
  readonly psItem: boolean;
  /** `foreach ($x in $null)` runs once (2.0) instead of never. */
  readonly foreachIteratesNull: boolean;
  /** `-in` / `-notin` exist (3.0+). */
  readonly inOperators: boolean;
  /** `.Where({})` / `.ForEach({})` on collections (4.0+). */
  readonly intrinsicWhereForEach: boolean;
  /** `'a--b'.Split('--')` uses String.Split(string) (.NET Core) rather than Split(char[]). */
  readonly splitByString: boolean;
  /** `ForEach-Object -MemberName` (3.0+). */
  readonly forEachMemberName: boolean;
  readonly psVersion: {
    readonly major: number;
    readonly minor: number;
    readonly build: number;
    readonly revision: number;
  };
  /** `$PSVersionTable.PSEdition`, or null where the key does not exist (before 5.1). */
  readonly psEdition: 'Desktop' | 'Core' | null;
  /** -Encoding also takes code page numbers (6.2+). */
  readonly codePageEncodings: boolean;
}

const WINDOWS_ENCODINGS: Readonly<Record<string, TextEncodingName>> = Object.freeze({
  unknown: 'unicode',
  string: 'unicode',
  unicode: 'unicode',
  bigendianunicode: 'bigendianunicode',
  utf8: 'utf8BOM',
  utf7: 'utf7',
  utf32: 'utf32',
  ascii: 'ascii',
  default: 'ansi',
  oem: 'oem',
  byte: 'byte',
  bigendianutf32: 'bigendianutf32',
});

const CORE_ENCODINGS: Readonly<Record<string, TextEncodingName>> = Object.freeze({
  ascii: 'ascii',
  ansi: 'ansi',
  bigendianunicode: 'bigendianunicode',
  bigendianutf32: 'bigendianutf32',
  oem: 'oem',
  unicode: 'unicode',
  utf7: 'utf7',
  utf8: 'utf8NoBOM',
  utf8bom: 'utf8BOM',
  utf8nobom: 'utf8NoBOM',
  utf32: 'utf32',
  default: 'utf8NoBOM',
});

const WINDOWS_ENUM =
  'Unknown, String, Unicode, Byte, BigEndianUnicode, UTF8, UTF7, UTF32, Ascii, Default, Oem, BigEndianUTF32';

const windowsPowerShell = {
  commandNotFound: (name: string) =>
    `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
  notANumber: () => 'Input string was not in a correct format.',
  ellipsis: '...',
  consoleWidth: 120,
  warnsDroppedColumns: true,
  setContentDefault: 'ansi',
  getContentDefault: 'ansi',
  utf8Writes: 'utf8BOM',
  defaultEncoding: 'ansi',
  encodingNames: WINDOWS_ENCODINGS,
  badEncoding: (parameter: string, value: string) =>
    `Cannot bind parameter '${parameter}'. Cannot convert value "${value}" to type "Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding". Error: "Unable to match the identifier name ${value} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${WINDOWS_ENUM}"`,
  splitByString: false,
  codePageEncodings: false,
} as const;

const FLAGS: Readonly<Record<ShellVersion, Omit<InterpreterDialect, keyof Dialect>>> = Object.freeze({
  '2.0': {
    ...windowsPowerShell,
    memberEnumeration: false,
    psItem: false,
    foreachIteratesNull: true,
    inOperators: false,
    intrinsicWhereForEach: false,
    forEachMemberName: false,
    psVersion: { major: 2, minor: 0, build: -1, revision: -1 },
    psEdition: null,
  },
  '5.1': {
    ...windowsPowerShell,
    memberEnumeration: true,
    psItem: true,
    foreachIteratesNull: false,
    inOperators: true,
    intrinsicWhereForEach: true,
    forEachMemberName: true,
    psVersion: { major: 5, minor: 1, build: 17763, revision: 1 },
    psEdition: 'Desktop',
  },
  '7': {
    commandNotFound: (name: string) =>
      `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
    notANumber: (text: string) => `The input string '${text}' was not in a correct format.`,
    ellipsis: '…',
    consoleWidth: 120,
    warnsDroppedColumns: false,
    setContentDefault: 'utf8NoBOM',
    getContentDefault: 'utf8',
    utf8Writes: 'utf8NoBOM',
    defaultEncoding: 'utf8NoBOM',
    encodingNames: CORE_ENCODINGS,
    badEncoding: (parameter: string, value: string) =>
      `Cannot process argument transformation on parameter '${parameter}'. '${value}' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')`,
    memberEnumeration: true,
    psItem: true,
    foreachIteratesNull: false,
    inOperators: true,
    intrinsicWhereForEach: true,
    splitByString: true,
    forEachMemberName: true,
    psVersion: { major: 7, minor: 6, build: 9, revision: -1 },
    psEdition: 'Core',
    codePageEncodings: true,
  },
});

/** The interpreter's flags for a shell. @example interpreterDialect('7').ellipsis // '…' */
export function interpreterDialect(shell: ShellVersion): InterpreterDialect {
  return { ...dialectFor(shell), ...FLAGS[shell] };
}
