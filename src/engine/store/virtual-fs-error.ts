// Errors the virtual Windows file system raises, worded like Windows/PowerShell where one exists.
import { ExchcertError } from '../../errors/exchcert-error.js';

/** Machine-readable reasons a virtual file system operation failed. */
export type VirtualFsErrorCode =
  /** `..` climbs above the drive or share root, or a symlink leads out of `<state>/fs`. */
  | 'PATH_OUTSIDE_ROOT'
  /** Relative, drive-relative (`C:x`) or root-relative (`\x`) paths: the mock has no current directory. */
  | 'RELATIVE_PATH'
  /** `\\?\`, `\\.\`, `\??\` and reserved device names (`CON`, `NUL`, `COM1`...). */
  | 'DEVICE_PATH'
  /** Characters Windows does not allow in a name (`<>:"|?*`, control characters), alternate data streams, empty paths. */
  | 'INVALID_PATH'
  /** Reading a file that does not exist (PowerShell's ItemNotFound). */
  | 'ITEM_NOT_FOUND'
  /** Writing into a folder that does not exist (.NET DirectoryNotFoundException). */
  | 'DIRECTORY_NOT_FOUND'
  /** Reading or writing a path that is a folder (.NET UnauthorizedAccessException). */
  | 'PATH_IS_DIRECTORY'
  /** The host refused the operation (permissions, read-only): .NET UnauthorizedAccessException. */
  | 'ACCESS_DENIED'
  /** A name or path too long for the host: .NET PathTooLongException. */
  | 'PATH_TOO_LONG'
  /** Any other host I/O failure (disk full, I/O error): .NET IOException. */
  | 'IO_ERROR';

/**
 * A Windows path the virtual file system refuses or cannot serve; `windowsPath` is the path as given.
 * @example
 * try { vfs.readFile('C:\\x.cer') } catch (e) { if (e instanceof VirtualFsError && e.code === 'ITEM_NOT_FOUND') console.error(e.message) }
 */
export class VirtualFsError extends ExchcertError {
  declare readonly code: VirtualFsErrorCode;
  readonly windowsPath: string;

  constructor(code: VirtualFsErrorCode, windowsPath: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.windowsPath = windowsPath;
  }
}
