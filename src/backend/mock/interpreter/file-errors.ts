// The PowerShell/.NET error a Windows path failure gives, for a virtual file system refusal (cmdlets and .NET methods alike).
import { VirtualFsError } from '../store/virtual-fs-error.js';
import { parseWindowsPath } from '../store/windows-path.js';

/** How a file failure reads in PowerShell: message, .NET exception type, ErrorCategory and the error id's stem. */
export interface WindowsFileError {
  readonly message: string;
  readonly exceptionType: string;
  readonly category: string;
  /** Stem of the FullyQualifiedErrorId: `NotFound`, `DirectoryNotFound`, `UnauthorizedAccess`, `Argument`, `PathTooLong`, `IO`. */
  readonly kind: string;
}

const DENIED = (path: string): WindowsFileError => ({ message: `Access to the path '${path}' is denied.`,
  exceptionType: 'System.UnauthorizedAccessException', category: 'PermissionDenied', kind: 'UnauthorizedAccess' });

/**
 * The Windows error for a VirtualFsError on `path` (null for anything else, which the caller rethrows): what Windows
 * would say for the path, never a host path. `dotnet` selects .NET's wording for a missing file.
 * @example windowsFileError(new VirtualFsError('ITEM_NOT_FOUND', 'C:\\x', '...'), 'C:\\x', true)?.message // "Could not find file 'C:\\x'."
 */
export function windowsFileError(e: unknown, path: string, dotnet: boolean): WindowsFileError | null {
  if (!(e instanceof VirtualFsError)) return null;
  const shown = displayPath(path);
  switch (e.code) {
    case 'ITEM_NOT_FOUND':
      return dotnet
        ? { message: `Could not find file '${shown}'.`, exceptionType: 'System.IO.FileNotFoundException', category: 'ObjectNotFound', kind: 'NotFound' }
        : { message: `Cannot find path '${shown}' because it does not exist.`, exceptionType: 'System.Management.Automation.ItemNotFoundException',
          category: 'ObjectNotFound', kind: 'NotFound' };
    case 'DIRECTORY_NOT_FOUND':
      return { message: `Could not find a part of the path '${shown}'.`, exceptionType: 'System.IO.DirectoryNotFoundException', category: 'ObjectNotFound',
        kind: 'DirectoryNotFound' };
    case 'PATH_IS_DIRECTORY':
    case 'PATH_OUTSIDE_ROOT':
    case 'DEVICE_PATH':
    case 'ACCESS_DENIED':
      return DENIED(shown);
    case 'PATH_TOO_LONG':
      return { message: e.message, exceptionType: 'System.IO.PathTooLongException', category: 'InvalidArgument', kind: 'PathTooLong' };
    case 'INVALID_PATH':
      if (/format is not supported/.test(e.message)) {
        return { message: 'The given path\'s format is not supported.', exceptionType: 'System.NotSupportedException', category: 'InvalidArgument', kind: 'Argument' };
      }
      return { message: e.message.startsWith('Illegal characters') ? 'Illegal characters in path.' : e.message, exceptionType: 'System.ArgumentException',
        category: 'InvalidArgument', kind: 'Argument' };
    case 'RELATIVE_PATH':
      return { message: e.message, exceptionType: 'System.ArgumentException', category: 'InvalidArgument', kind: 'Argument' };
    default:
      return { message: e.message, exceptionType: 'System.IO.IOException', category: 'WriteError', kind: 'IO' };
  }
}

/** The path as Windows shows it (`C:\..\x` as `C:\x`), control characters escaped; the path as given when it does not parse. */
function displayPath(path: string): string {
  let shown = path;
  try {
    shown = parseWindowsPath(path).display;
  } catch {
    shown = path;
  }
  return shown.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
