import { describe, expect, test } from '@jest/globals';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cycles, folderGraph, importGraph } from './import-graph.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const graph = importGraph(root);

describe('layers only point down', () => {
  test('the graph is read (sanity: the builders import the spec tables)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get(join('src', 'cmdlet', 'validate-options.ts'))).toContain(join('src', 'spec', 'parameter-sets.ts'));
  });

  test('no import cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  test('no import cycle between folders of src/', () => {
    expect(cycles(folderGraph(graph))).toEqual([]);
  });

  test('the cycle finder finds cycles', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
  });

  test('idioms never import the parser (they read parsed forms through the AST types of src/ast)', () => {
    const intoParser = (tos: string[]) => tos.some((t) => t.startsWith(join('src', 'parser')));
    const offenders = [...graph].filter(([f, tos]) => f.startsWith(join('src', 'idiom')) && intoParser(tos));
    expect(offenders.map(([f]) => f)).toEqual([]);
  });

  test('the AST types import nothing', () => {
    const astFiles = [...graph].filter(([f]) => f.startsWith(join('src', 'ast') + '/'));
    expect(astFiles.length).toBeGreaterThan(0);
    expect(astFiles.flatMap(([, tos]) => tos)).toEqual([]);
  });

  test('the library never imports the CLI', () => {
    const offenders = [...graph].filter(
      ([f, tos]) => !f.startsWith(join('src', 'cli')) && tos.some((t) => t.startsWith(join('src', 'cli'))),
    );
    expect(offenders.map(([f]) => f)).toEqual([]);
  });
});
