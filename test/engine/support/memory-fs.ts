// Test helper: an in-memory VirtualFs (Windows paths, case-insensitive, folders implied).
import type { VirtualFs } from '../../../src/engine/org-state.js';

/** A VirtualFs in a Map, with a peek at what was written. */
export interface MemoryFs extends VirtualFs {
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Paths as written, for assertions. */
  list(): string[];
}

const norm = (path: string): string => path.trim().replaceAll('/', '\\').toLowerCase();

/** An empty in-memory file system; reading a missing path throws, and drive Z: has no folders (writes fail there). */
export function createMemoryFs(initial: Record<string, Uint8Array | string> = {}): MemoryFs {
  const files = new Map<string, Uint8Array>();
  const names = new Map<string, string>();
  const put = (path: string, data: Uint8Array): void => {
    files.set(norm(path), new Uint8Array(data));
    names.set(norm(path), path);
  };
  for (const [path, data] of Object.entries(initial))
    put(path, typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'utf8')) : data);
  return {
    files,
    list: () => [...names.values()],
    resolve: (path) => `/virtual/${norm(path).replaceAll('\\', '/')}`,
    exists: (path) => files.has(norm(path)),
    readFile: (path) => {
      const data = files.get(norm(path));
      if (!data) throw new Error(`Could not find file '${path}'.`);
      return new Uint8Array(data);
    },
    writeFile: (path, data) => {
      if (norm(path).startsWith('z:\\')) throw new Error(`Could not find a part of the path '${path}'.`);
      put(path, data);
    },
  };
}
