// Test helper: an in-memory VirtualFs (Windows paths, case-insensitive, folders implied).
import type { VirtualFs, VirtualFsEntry } from '../../../src/engine/org-state.js';

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
  const folders = new Map<string, string>();
  const times = new Map<string, Date>();
  let tick = 0;
  const put = (path: string, data: Uint8Array): void => {
    files.set(norm(path), new Uint8Array(data));
    names.set(norm(path), path);
    times.set(norm(path), new Date(Date.UTC(2024, 2, 1, 10, 0, tick++)));
  };
  const isFolder = (key: string): boolean =>
    /^[a-z]:$/.test(key) ||
    folders.has(key) ||
    [...files.keys(), ...folders.keys()].some((f) => f.startsWith(`${key}\\`));
  for (const [path, data] of Object.entries(initial))
    put(path, typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'utf8')) : data);
  return {
    files,
    list: () => [...names.values()],
    resolve: (path) => `/virtual/${norm(path).replaceAll('\\', '/')}`,
    exists: (path) => files.has(norm(path)) || isFolder(norm(path).replace(/\\+$/, '')),
    listFolder: (path) => {
      const key = norm(path).replace(/\\+$/, '');
      if (!isFolder(key)) throw new Error(`Cannot find path '${path}' because it does not exist.`);
      const children = new Map<string, VirtualFsEntry>();
      const written = new Map([...names, ...folders]);
      for (const [k, shown] of written) {
        if (!k.startsWith(`${key}\\`)) continue;
        const rest = k.slice(key.length + 1);
        const first = rest.split('\\')[0]!;
        const childKey = `${key}\\${first}`;
        const name = shown
          .replaceAll('/', '\\')
          .slice(key.length + 1)
          .split('\\')[0]!;
        const file = files.get(childKey);
        if (rest === first && file)
          children.set(childKey, {
            name,
            isDirectory: false,
            length: file.length,
            lastWriteTime: times.get(childKey)!,
          });
        else if (!children.has(childKey))
          children.set(childKey, { name, isDirectory: true, length: 0, lastWriteTime: new Date(Date.UTC(2024, 2, 1)) });
      }
      return [...children.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
    },
    remove: (path) => {
      const key = norm(path).replace(/\\+$/, '');
      if (files.delete(key)) {
        names.delete(key);
        return;
      }
      if (!isFolder(key)) throw new Error(`Cannot find path '${path}' because it does not exist.`);
      folders.delete(key);
    },
    makeDirectory: (path) => {
      const key = norm(path).replace(/\\+$/, '');
      folders.set(key, path.replace(/[\\/]+$/, ''));
    },
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
