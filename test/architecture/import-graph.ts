// The import graph of src/: files and their relative imports (static `import`/`export ... from` and `import()`).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

/** Every .ts file under `dir`, as paths relative to `root`. */
function listTs(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = join(dir, e.name);
    if (e.isDirectory()) return listTs(root, rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

/** file -> the files it imports (type-only imports included: they still tie the layers). */
export function importGraph(root: string, dir = 'src'): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of listTs(root, dir)) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = (m[1] ?? m[2])!.replace(/\.js$/, '.ts');
      targets.push(relative(root, resolve(root, dirname(file), spec)));
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The cycles of a graph (one per strongly connected component of two or more nodes, or a self loop). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** The graph between top folders of src/ (`src/bind/x.ts` -> `bind`); files directly in src/ are their own node. */
export function folderGraph(graph: Map<string, string[]>): Map<string, string[]> {
  const top = (f: string): string => f.split('/').slice(1, -1)[0] ?? f;
  const out = new Map<string, Set<string>>();
  for (const [from, tos] of graph) {
    const a = top(from);
    const set = out.get(a) ?? new Set<string>();
    for (const to of tos) if (top(to) !== a) set.add(top(to));
    out.set(a, set);
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}
