import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DECLARATION =
  /^export (?:declare )?(?:async )?(?:abstract )?(?:function\*?|const|let|class|interface|type|enum)\s+([\w$]+)/gm;

/** Names declared more than once on purpose: every CLI bundle's entry point is `main` (the loader calls it by name). */
const SAME_ROLE = new Set(['main']);
/** Names still declared twice (none left). */
const PENDING = new Set<string>([]);

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** name -> the files that declare and export it. */
function declaredNames(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of tsFiles('src')) {
    for (const m of readFileSync(join(root, file), 'utf8').matchAll(DECLARATION))
      out.set(m[1]!, [...(out.get(m[1]!) ?? []), file]);
  }
  return out;
}

describe('exported names', () => {
  test('no name is declared and exported by two files for different things', () => {
    const twice = [...declaredNames()].filter(
      ([name, files]) => files.length > 1 && !SAME_ROLE.has(name) && !PENDING.has(name),
    );
    expect(twice).toEqual([]);
  });

  test('the finder sees the names (sanity: the builders are exported)', () => {
    expect(declaredNames().get('newExchangeCertificate')).toEqual([
      join('src', 'cmdlet', 'new-exchange-certificate.ts'),
    ]);
  });

  test('examples/ is not public API: the package entry does not export it', () => {
    const index = readFileSync(join(root, 'src', 'index.ts'), 'utf8');
    expect(index).not.toMatch(/examples\//);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    expect(Object.keys(pkg.exports)).toEqual(['.']);
  });
});
