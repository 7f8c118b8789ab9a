// Files the cmdlets write on the Exchange server (-FileName, -RequestFile): extension rules and write errors.
import type { VirtualFs } from './org-state.js';

/** AllowedCertificateTypes: extensions the cmdlets keep; anything else gets the default appended (rules 56, 86). */
const KNOWN_EXTENSIONS = new Set(['CER', 'CRT', 'DER', 'PEM', 'P7B', 'P7C', 'PFX', 'P12', 'REQ']);

/**
 * The path written: `path` when its extension is a known certificate type, else `path` + `defaultExtension`.
 * @example withCertificateExtension('C:\\x\\mail', '.pfx') // 'C:\\x\\mail.pfx'
 */
export function withCertificateExtension(path: string, defaultExtension: '.pfx' | '.req'): string {
  const name = path.slice(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
  const dot = name.lastIndexOf('.');
  const ext =
    dot < 0
      ? ''
      : name
          .slice(dot + 1)
          .toUpperCase()
          .replaceAll('-', '_');
  return KNOWN_EXTENSIONS.has(ext) ? path : path + defaultExtension;
}

/** True when the virtual file system reports the path as existing (a refused path counts as not existing). */
export function fileExists(fs: VirtualFs, path: string): boolean {
  try {
    return fs.exists(path);
  } catch {
    return false;
  }
}

/**
 * Writes bytes (binary) or text (StreamWriter: UTF-8 without BOM); returns the I/O error message on failure.
 * @example writeServerFile(fs, 'C:\\x.req', text) // undefined on success
 */
export function writeServerFile(fs: VirtualFs, path: string, data: Uint8Array | string): string | undefined {
  try {
    fs.writeFile(path, typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'utf8')) : data);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
