// Only src/cli/main.ts touches the global `process` (argv, stdio, environment, exit code); everything else gets what it
// needs injected (CliIo, options). Found with the TypeScript parser, so `x.process`, types and text do not count.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';

const root = join(import.meta.dirname, '..', '..');

/** Files that may touch `process`, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  'src/cli/main.ts': 'the CLI entry: argv, stdio, exit code, and the CliIo it builds for everything else',
  // Library defaults for callers that inject nothing (connect() from an application): the caller's own process.
  'src/backend/session/find-pwsh.ts': 'with no pwsh given, $PWSH and PATH of the running process name it',
  'src/backend/session/remote-backend.ts': "WSMan exists only on Windows: the running process's platform by default",
  'src/psrp/ssh-channel.ts': "with no IdentityAgent given, the running process's SSH_AUTH_SOCK names the agent, as ssh",
  // The bundle loader runs before any command, for main.ts: its V8 code cache belongs to the running node
  // (version, arch, flags) and is saved when that process exits.
  'src/cli/load-bundle.ts': "the code cache is keyed to the running node's version, arch and flags, saved at exit",
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** True when a binding pattern or name declares `process`. */
function bindsProcess(name: ts.BindingName): boolean {
  if (ts.isIdentifier(name)) return name.text === 'process';
  return name.elements.some((e) => !ts.isOmittedExpression(e) && bindsProcess(e.name));
}

/** True when a scope between `n` and the file declares its own `process` (a parameter or a local variable). */
function shadowed(n: ts.Node): boolean {
  for (let s: ts.Node | undefined = n.parent; s; s = s.parent) {
    if (ts.isFunctionLike(s) && s.parameters.some((p) => bindsProcess(p.name))) return true;
    if (ts.isBlock(s) || ts.isSourceFile(s)) {
      const declared = s.statements.some(
        (st) => ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => bindsProcess(d.name)),
      );
      if (declared) return true;
    }
  }
  return false;
}

/** Where a file reads the global `process` (`process.x`, `process[x]`, `globalThis.process`, `node:process`). */
export function processUses(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (n: ts.Node) => `${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${n.getText()}`;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === 'process') {
      const p = n.parent;
      const asObject = (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === n;
      const asValue =
        ts.isCallExpression(p) ||
        (ts.isVariableDeclaration(p) && p.initializer === n) ||
        ts.isShorthandPropertyAssignment(p) ||
        ts.isSpreadAssignment(p) ||
        ts.isSpreadElement(p) ||
        (ts.isPropertyAssignment(p) && p.initializer === n);
      const viaGlobal = ts.isPropertyAccessExpression(p) && p.name === n && p.expression.getText() === 'globalThis';
      if (viaGlobal || ((asObject || asValue) && !shadowed(n))) found.push(at(p));
    }
    if (
      ts.isImportDeclaration(n) &&
      ts.isStringLiteral(n.moduleSpecifier) &&
      ['process', 'node:process'].includes(n.moduleSpecifier.text)
    )
      found.push(at(n));
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

describe('only main.ts touches process', () => {
  it('finds no use of the global process outside the allow-list', () => {
    const uses = sources(join(root, 'src')).flatMap((f) => {
      const name = relative(root, f).split(sep).join('/');
      if (name in ALLOWED) return [];
      return processUses(name, readFileSync(f, 'utf8')).map((u) => `${name}:${u}`);
    });
    expect(uses).toEqual([]);
  });
  it('sees the forms that count and ignores those that do not', () => {
    const text = [
      'const a = process.env.X;',
      'const b = process["cwd"]();',
      'const c = globalThis.process;',
      'f(process);',
      "import { env } from 'node:process';",
      '// process.env in a comment',
      "const d = 'process.env in text';",
      'const e = session.process.pid;',
      'function g(proc: NodeJS.Process) { return proc.cwd(); }',
      'const h = ({ process }: { process: () => void }) => run(process);',
      'function k() { const process = 1; return f(process); }',
    ].join('\n');
    expect(processUses('x.ts', text).map((u) => u.split(':')[0])).toEqual(['1', '2', '3', '4', '5']);
  });
  it('keeps the allow-list honest: every allowed file exists and still needs it', () => {
    for (const file of Object.keys(ALLOWED)) {
      expect({ file, uses: processUses(file, readFileSync(join(root, file), 'utf8')).length > 0 }).toEqual({
        file,
        uses: true,
      });
    }
  });
});
