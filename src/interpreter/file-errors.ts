// The PowerShell/.NET error a Windows path failure gives, for a virtual file system refusal (cmdlets and .NET alike).
import { VirtualFsError } from '../engine/store/virtual-fs-error.js';
import { parseWindowsPath } from '../engine/store/windows-path.js';

/** How a file failure reads in PowerShell: message, .NET exception type, ErrorCategory and the error id's stem. */
export interface WindowsFileError {
  readonly message: string;
  readonly exceptionType: string;
  readonly category: string;
  /** Stem of the FullyQualifiedErrorId: `NotFound`, `DirectoryNotFound`, `UnauthorizedAccess`, `Argument`, `IO`... */
  readonly kind: string;
}

function fileError(message: string, exceptionType: string, category: string, kind: string): WindowsFileError {
  return { message, exceptionType, category, kind };
}

function denied(path: string): WindowsFileError {
  const message = `Access to the path '${path}' is denied.`;
  return fileError(message, 'System.UnauthorizedAccessException', 'PermissionDenied', 'UnauthorizedAccess');
}

function notFound(path: string, dotnet: boolean): WindowsFileError {
  return dotnet
    ? fileError(`Could not find file '${path}'.`, 'System.IO.FileNotFoundException', 'ObjectNotFound', 'NotFound')
    : fileError(
        `Cannot find path '${path}' because it does not exist.`,
        'System.Management.Automation.ItemNotFoundException',
        'ObjectNotFound',
        'NotFound',
      );
}

function invalidPath(e: VirtualFsError): WindowsFileError {
  if (/format is not supported/.test(e.message)) {
    const message = "The given path's format is not supported.";
    return fileError(message, 'System.NotSupportedException', 'InvalidArgument', 'Argument');
  }
  const message = e.message.startsWith('Illegal characters') ? 'Illegal characters in path.' : e.message;
  return fileError(message, 'System.ArgumentException', 'InvalidArgument', 'Argument');
}

/**
 * The Windows error for a VirtualFsError on `path` (null for anything else, which the caller rethrows): what Windows
 * would say for the path, never a host path. `dotnet` selects .NET's wording for a missing file.
 * @example windowsFileError(new VirtualFsError('ITEM_NOT_FOUND', 'C:\\x', '...'), 'C:\\x', true)?.message
 * // "Could not find file 'C:\\x'."
 */
export function windowsFileError(e: unknown, path: string, dotnet: boolean): WindowsFileError | null {
  if (!(e instanceof VirtualFsError)) return null;
  const shown = displayPath(path);
  switch (e.code) {
    case 'ITEM_NOT_FOUND':
      return notFound(shown, dotnet);
    case 'DIRECTORY_NOT_FOUND':
      return fileError(
        `Could not find a part of the path '${shown}'.`,
        'System.IO.DirectoryNotFoundException',
        'ObjectNotFound',
        'DirectoryNotFound',
      );
    case 'PATH_IS_DIRECTORY':
    case 'PATH_OUTSIDE_ROOT':
    case 'DEVICE_PATH':
    case 'ACCESS_DENIED':
      return denied(shown);
    case 'PATH_TOO_LONG':
      return fileError(e.message, 'System.IO.PathTooLongException', 'InvalidArgument', 'PathTooLong');
    case 'INVALID_PATH':
      return invalidPath(e);
    case 'RELATIVE_PATH':
      return fileError(e.message, 'System.ArgumentException', 'InvalidArgument', 'Argument');
    default:
      return fileError(e.message, 'System.IO.IOException', 'WriteError', 'IO');
  }
}

/** The path as Windows shows it (`C:\..\x` as `C:\x`), control characters escaped; as given when it does not parse. */
function displayPath(path: string): string {
  let shown: string;
  try {
    shown = parseWindowsPath(path).display;
  } catch {
    shown = path;
  }
  return shown.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
