// The virtual Windows file system on the host: `C:\a\b` is `<state>/fs/C/a/b`, `\\host\share\x` is `<state>/fs/UNC/host/share/x`.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { VirtualFs, VirtualFsEntry } from '../org-state.js';
import { VirtualFsError } from './virtual-fs-error.js';
import { parseWindowsPath } from './windows-path.js';
import type { WindowsPath } from './windows-path.js';

/** The folder under the state folder that holds the drives and shares. */
export const VIRTUAL_FS_FOLDER = 'fs';

/** A VirtualFs on the host, plus setup helpers. */
export interface HostVirtualFs extends VirtualFs {
  /** `<state>/fs`. */
  readonly root: string;
  /** Creates the folder `windowsPath` and its missing parents (for setup and tests; cmdlets never create folders); returns its host path. */
  ensureDirectory(windowsPath: string): string;
}

/**
 * The virtual file system in `<stateDir>/fs`. Names match existing entries case-insensitively (new ones keep the
 * case given); drive and share roots always exist; writes go to a temp file renamed into place, mode 0600;
 * paths climbing out of their root or through a symlink leading out of `<stateDir>/fs` are refused.
 * @example
 * const vfs = createHostVirtualFs('./.exchcert');
 * vfs.writeFile('C:\\ssl-request.req', bytes); // ./.exchcert/fs/C/ssl-request.req
 * vfs.readFile('c:/SSL-REQUEST.REQ');          // the same file
 */
export function createHostVirtualFs(stateDir: string): HostVirtualFs {
  const root = join(stateDir, VIRTUAL_FS_FOLDER);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const realRoot = realpathSync(root);

  const locate = (windowsPath: string): { path: WindowsPath; host: string } => {
    const path = parseWindowsPath(windowsPath);
    let host = root;
    let existing = true;
    for (const name of [...path.root, ...path.segments]) {
      const match: string | undefined = existing ? matchEntry(host, name) : undefined;
      existing = match !== undefined;
      host = join(host, match ?? name);
    }
    hostCall(windowsPath, path.display, () => assertInside(windowsPath, host, realRoot));
    return { path, host };
  };

  return {
    root,
    resolve: (windowsPath) => locate(windowsPath).host,

    readFile: (windowsPath) => {
      const { path, host } = locate(windowsPath);
      const stats = statOrUndefined(host);
      if (stats === undefined)
        throw new VirtualFsError(
          'ITEM_NOT_FOUND',
          windowsPath,
          `Cannot find path '${path.display}' because it does not exist.`,
        );
      if (stats.isDirectory())
        throw new VirtualFsError('PATH_IS_DIRECTORY', windowsPath, `Access to the path '${path.display}' is denied.`);
      return hostCall(windowsPath, path.display, () => readVerified(windowsPath, host, realRoot));
    },

    writeFile: (windowsPath, data) => {
      const { path, host } = locate(windowsPath);
      if (path.segments.length === 0 || statOrUndefined(host)?.isDirectory() === true) {
        throw new VirtualFsError('PATH_IS_DIRECTORY', windowsPath, `Access to the path '${path.display}' is denied.`);
      }
      const folder = dirname(host);
      if (path.segments.length === 1)
        hostCall(windowsPath, path.display, () => mkdirSync(folder, { recursive: true, mode: 0o700 }));
      if (statOrUndefined(folder)?.isDirectory() !== true) {
        throw new VirtualFsError(
          'DIRECTORY_NOT_FOUND',
          windowsPath,
          `Could not find a part of the path '${path.display}'.`,
        );
      }
      hostCall(windowsPath, path.display, () => writeAtomically(windowsPath, folder, host, data, realRoot));
    },

    exists: (windowsPath) => {
      const { path, host } = locate(windowsPath);
      return path.segments.length === 0 || existsSync(host);
    },

    listFolder: (windowsPath) => {
      const { path, host } = locate(windowsPath);
      return listHostFolder(windowsPath, path.display, host);
    },

    remove: (windowsPath) => {
      const { path, host } = locate(windowsPath);
      removeHostEntry(windowsPath, path.display, host, path.segments.length === 0);
    },

    makeDirectory: (windowsPath) => {
      const { path, host } = locate(windowsPath);
      hostCall(windowsPath, path.display, () => mkdirSync(host, { recursive: true, mode: 0o700 }));
    },

    ensureDirectory: (windowsPath) => {
      const { host } = locate(windowsPath);
      mkdirSync(host, { recursive: true, mode: 0o700 });
      return host;
    },
  };
}

/** The entries of a host folder as Windows lists them (names sorted ignoring case, exchcert's temp files left out). */
function listHostFolder(windowsPath: string, display: string, host: string): VirtualFsEntry[] {
  if (statOrUndefined(host)?.isDirectory() !== true)
    throw new VirtualFsError('ITEM_NOT_FOUND', windowsPath, `Cannot find path '${display}' because it does not exist.`);
  return hostCall(windowsPath, display, () =>
    readdirSync(host)
      .filter((name) => !name.startsWith('.exchcert-'))
      .sort((a, b) => foldCase(a).localeCompare(foldCase(b), 'en-US'))
      .map((name) => {
        const stats = statSync(join(host, name));
        const isDirectory = stats.isDirectory();
        return { name, isDirectory, length: isDirectory ? 0 : stats.size, lastWriteTime: stats.mtime };
      }),
  );
}

/** Deletes a host file or empty folder; a drive or share root, or a missing entry, is not found. */
function removeHostEntry(windowsPath: string, display: string, host: string, isRoot: boolean): void {
  const stats = statOrUndefined(host);
  if (stats === undefined || isRoot)
    throw new VirtualFsError('ITEM_NOT_FOUND', windowsPath, `Cannot find path '${display}' because it does not exist.`);
  hostCall(windowsPath, display, () => (stats.isDirectory() ? rmdirSync(host) : unlinkSync(host)));
}

/** The entry of `folder` named `name` ignoring case (an exact match wins), or undefined. */
function matchEntry(folder: string, name: string): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return undefined;
  }
  if (entries.includes(name)) return name;
  const wanted = foldCase(name);
  return entries.filter((entry) => foldCase(entry) === wanted).sort()[0];
}

/** Upper-cases each character whose upper case is one character (Windows' simple case table, no `ß` → `SS`). */
function foldCase(text: string): string {
  let folded = '';
  for (const char of text) {
    const upper = char.toUpperCase();
    folded += upper.length === char.length ? upper : char;
  }
  return folded;
}

/** Refuses `host` when its deepest existing part resolves (through symlinks) outside `realRoot`. */
function assertInside(windowsPath: string, host: string, realRoot: string): void {
  let probe = host;
  while (!existsSync(probe)) {
    const parent = dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  const rel = relative(realRoot, realpathSync(probe));
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new VirtualFsError(
      'PATH_OUTSIDE_ROOT',
      windowsPath,
      `Access to the path '${windowsPath}' is denied (a link in it points outside the virtual file system).`,
    );
  }
}

function statOrUndefined(host: string): Stats | undefined {
  try {
    return statSync(host);
  } catch {
    return undefined;
  }
}

/**
 * Writes `data` to a temp file in `folder`, fsyncs it and renames it over `host`: a process kill, a crash or a power loss
 * leaves the old file or the new one, never a part. The folder is not fsync'ed: like the state database (WAL,
 * synchronous=NORMAL), a power loss may roll the last write back to the old file.
 */
function writeAtomically(windowsPath: string, folder: string, host: string, data: Uint8Array, realRoot: string): void {
  const temp = join(folder, `.exchcert-${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, 0o600);
  try {
    try {
      assertOpenedInside(windowsPath, fd, temp, realRoot);
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, host);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      /* already renamed or gone */
    }
    throw error;
  }
}

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Reads `host` through a descriptor opened without following a final symlink, after checking that the file opened
 * is inside `realRoot`: a link swapped in after `locate` checked the path cannot lead the read outside.
 */
function readVerified(windowsPath: string, host: string, realRoot: string): Uint8Array {
  const fd = openSync(host, constants.O_RDONLY | NO_FOLLOW);
  try {
    assertOpenedInside(windowsPath, fd, host, realRoot);
    return new Uint8Array(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses the open descriptor `fd` unless the file it refers to lies inside `realRoot`: on Linux the kernel's own
 * name for it (`/proc/self/fd/N`), elsewhere the resolved path must name the very file opened (same device and inode).
 */
function assertOpenedInside(windowsPath: string, fd: number, host: string, realRoot: string): void {
  let opened: string | undefined;
  try {
    opened = readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    opened = undefined;
  }
  if (opened === undefined) {
    const real = realpathSync(host);
    const a = fstatSync(fd);
    const b = statSync(real);
    opened = a.dev === b.dev && a.ino === b.ino ? real : '/';
  }
  const rel = relative(realRoot, opened);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new VirtualFsError(
      'PATH_OUTSIDE_ROOT',
      windowsPath,
      `Access to the path '${windowsPath}' is denied (a link in it points outside the virtual file system).`,
    );
  }
}

/** Runs a host file operation; a host error becomes the VirtualFsError Windows would give, naming only the Windows path. */
function hostCall<T>(windowsPath: string, display: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof VirtualFsError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') {
      throw new VirtualFsError(
        'PATH_OUTSIDE_ROOT',
        windowsPath,
        `Access to the path '${display}' is denied (a link in it points outside the virtual file system).`,
      );
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EISDIR') {
      throw new VirtualFsError('ACCESS_DENIED', windowsPath, `Access to the path '${display}' is denied.`);
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new VirtualFsError('DIRECTORY_NOT_FOUND', windowsPath, `Could not find a part of the path '${display}'.`);
    }
    if (code === 'ENAMETOOLONG') {
      throw new VirtualFsError(
        'PATH_TOO_LONG',
        windowsPath,
        'The specified path, file name, or both are too long. The fully qualified file name must be less than 260 characters, ' +
          'and the directory name must be less than 248 characters.',
      );
    }
    if (code === 'ENOSPC' || code === 'EDQUOT')
      throw new VirtualFsError('IO_ERROR', windowsPath, 'There is not enough space on the disk.');
    throw new VirtualFsError(
      'IO_ERROR',
      windowsPath,
      `The process cannot access the file '${display}' (I/O error ${code ?? 'unknown'}).`,
    );
  }
}
