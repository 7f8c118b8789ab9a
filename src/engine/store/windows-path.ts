// Parses and normalises the Windows paths the virtual file system accepts: `C:\a\b` and `\\host\share\a`.
import { VirtualFsError } from './virtual-fs-error.js';

/** A full Windows path split into its root and its normalised segments. */
export interface WindowsPath {
  /** Host folders of the root under `<state>/fs`: `['C']` or `['UNC', host, share]`. */
  readonly root: readonly string[];
  /** Names below the root, `.`/`..` resolved (`..` at the root stays there) and trailing dots/spaces trimmed as Win32 does. */
  readonly segments: readonly string[];
  /** The normalised Windows form, e.g. `C:\install\x.req` or `\\host\share\x`. */
  readonly display: string;
}

const SEPARATORS = /[\\/]+/;
const DEVICE_PREFIX = /^[\\/][\\/][?.][\\/]|^[\\/]\?\?[\\/]/;
const DRIVE = /^([A-Za-z]):/;
const CONTROL = /[\u0000-\u001f]/;
const ILLEGAL = /[<>"|?*]/;
const RESERVED = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|(COM|LPT)[0-9\u00b9\u00b2\u00b3])$/i;

/**
 * The root and segments of an absolute Windows path; throws VirtualFsError for relative, device and
 * malformed paths. `..` at the drive or share root stays at the root, as Windows' GetFullPath does (`C:\..\x` is `C:\x`).
 * @example parseWindowsPath('c:/install/../x.req') // { root: ['C'], segments: ['x.req'], display: 'C:\\x.req' }
 */
export function parseWindowsPath(windowsPath: string): WindowsPath {
  if (typeof windowsPath !== 'string' || windowsPath.trim() === '') {
    throw new VirtualFsError('INVALID_PATH', String(windowsPath), 'The path is empty.');
  }
  if (CONTROL.test(windowsPath))
    throw new VirtualFsError('INVALID_PATH', windowsPath, `Illegal characters in path '${printable(windowsPath)}'.`);
  if (DEVICE_PREFIX.test(windowsPath)) {
    throw new VirtualFsError(
      'DEVICE_PATH',
      windowsPath,
      `The path '${windowsPath}' is a device or extended-length path (\\\\?\\, \\\\.\\); use C:\\… or \\\\server\\share\\….`,
    );
  }
  const drive = DRIVE.exec(windowsPath);
  if (drive !== null) {
    const rest = windowsPath.slice(2);
    if (!/^[\\/]/.test(rest)) throw relative(windowsPath);
    const letter = drive[1]!.toUpperCase();
    const segments = normalise(windowsPath, rest.split(SEPARATORS));
    return { root: [letter], segments, display: `${letter}:\\${segments.join('\\')}` };
  }
  if (/^[\\/][\\/]/.test(windowsPath)) {
    const [host = '', share = '', ...rest] = windowsPath.slice(2).split(SEPARATORS);
    if (host === '' || share === '') {
      throw new VirtualFsError(
        'INVALID_PATH',
        windowsPath,
        `The UNC path '${windowsPath}' should be of the form \\\\server\\share.`,
      );
    }
    for (const name of [host, share]) {
      if (name === '.' || name === '..')
        throw new VirtualFsError(
          'INVALID_PATH',
          windowsPath,
          `The UNC path '${windowsPath}' names no server or share ('${name}').`,
        );
      checkName(windowsPath, name);
    }
    const rootDisplay = `\\\\${host}\\${share}`;
    const segments = normalise(windowsPath, rest);
    return { root: ['UNC', host, share], segments, display: [rootDisplay, ...segments].join('\\') };
  }
  throw relative(windowsPath);
}

function normalise(windowsPath: string, names: readonly string[]): string[] {
  const segments: string[] = [];
  for (const raw of names) {
    if (raw === '' || raw === '.') continue;
    if (raw === '..') {
      segments.pop();
      continue;
    }
    const name = raw.replace(/[. ]+$/, '');
    if (name === '')
      throw new VirtualFsError(
        'INVALID_PATH',
        windowsPath,
        `The path '${windowsPath}' has a name made only of dots or spaces ('${raw}').`,
      );
    checkName(windowsPath, name);
    segments.push(name);
  }
  return segments;
}

function checkName(windowsPath: string, name: string): void {
  if (name.includes(':')) {
    throw new VirtualFsError(
      'INVALID_PATH',
      windowsPath,
      `The given path's format is not supported: '${windowsPath}' (a ':' inside a name; alternate data streams are not supported).`,
    );
  }
  if (ILLEGAL.test(name))
    throw new VirtualFsError('INVALID_PATH', windowsPath, `Illegal characters in path '${windowsPath}'.`);
  const base = name.split('.')[0]!.replace(/ +$/, '');
  if (RESERVED.test(base))
    throw new VirtualFsError(
      'DEVICE_PATH',
      windowsPath,
      `The path '${windowsPath}' names the device '${base}', not a file.`,
    );
}

function relative(windowsPath: string): VirtualFsError {
  return new VirtualFsError(
    'RELATIVE_PATH',
    windowsPath,
    `The path '${windowsPath}' is not a full path; the mock shell has no current directory. Use a path such as C:\\install\\file.req or \\\\server\\share\\file.req.`,
  );
}

function printable(text: string): string {
  return text.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
