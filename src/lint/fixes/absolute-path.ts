// Paths that mean the same file wherever the process's current folder is.

const ABSOLUTE = /^(?:[A-Za-z]:[\\/]|\\\\|\/)/;

/**
 * True for `C:\...`, UNC `\\server\share\...` and `/...` paths.
 * @example isAbsolutePath('C:\\certs\\a.pfx') // true
 */
export function isAbsolutePath(path: string): boolean {
  return ABSOLUTE.test(path);
}
