// Test helper: the real scripts to compare with pwsh (PowerShell 7.6.9's own, Pester 6.2.0's) and our parser's
// structure of a script in the shape pwsh-ast-dump.ps1 prints (statements and commands by extent offsets).
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Ast } from '../../../src/ast/ast.js';
import { walkAst } from '../../../src/parser/ast-walk.js';
import { getHelpContent } from '../../../src/parser/help-content.js';
import { ParseError } from '../../../src/parser/parse-error.js';
import { parse } from '../../../src/parser/parser.js';

/** PowerShell's StatementAst subclasses (what `FindAll({ $args[0] -is [StatementAst] })` returns). */
const STATEMENT_TYPES: ReadonlySet<string> = new Set([
  'PipelineAst',
  'PipelineChainAst',
  'AssignmentStatementAst',
  'CommandAst',
  'CommandExpressionAst',
  'IfStatementAst',
  'SwitchStatementAst',
  'ForEachStatementAst',
  'ForStatementAst',
  'WhileStatementAst',
  'DoWhileStatementAst',
  'DoUntilStatementAst',
  'FunctionDefinitionAst',
  'ReturnStatementAst',
  'ThrowStatementAst',
  'ExitStatementAst',
  'BreakStatementAst',
  'ContinueStatementAst',
  'TryStatementAst',
  'TrapStatementAst',
  'DataStatementAst',
  'UsingStatementAst',
  'TypeDefinitionAst',
  'BlockStatementAst',
  'ConfigurationDefinitionAst',
]);

/** One file's structure: first error (or null), statements as [type, start, end], commands as [start, end, elements]. */
export interface ScriptStructure {
  readonly error: { readonly line: number; readonly column: number; readonly message: string } | null;
  readonly statements: readonly (readonly [string, number, number])[];
  readonly commands: readonly (readonly [number, number, number])[];
}

/** The text of a script as pwsh's ParseFile reads it: BOM-detected UTF-16 or UTF-8. */
export function readScript(path: string): string {
  const buf = readFileSync(path);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function scriptsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...scriptsUnder(path));
    else if (/\.(ps1|psm1)$/i.test(name)) out.push(path);
  }
  return out;
}

/** PowerShell 7.6.9's folder in the dotnet tool store, next to the pwsh found (or ~/.dotnet/tools). */
export function powershellStore(pwsh: string | undefined): string {
  const candidates = [
    pwsh ? join(dirname(realpathSync(pwsh)), '.store', 'powershell', '7.6.9') : '',
    join(homedir(), '.dotnet', 'tools', '.store', 'powershell', '7.6.9'),
  ];
  return candidates.find((c) => c !== '' && existsSync(c)) ?? candidates[1]!;
}

/** Pester 6.2.0 in the NuGet global packages folder ($NUGET_PACKAGES or ~/.nuget/packages), where .ci/run restores it. */
export function pesterFolder(): string {
  return join(process.env.NUGET_PACKAGES ?? join(homedir(), '.nuget', 'packages'), 'pester', '6.2.0');
}

/** The .ps1/.psm1 files of PowerShell 7.6.9 and Pester 6.2.0 (missing folders give no files). */
export function realScripts(pwsh: string | undefined): { powershell: string[]; pester: string[] } {
  const store = powershellStore(pwsh);
  const pester = pesterFolder();
  return {
    powershell: existsSync(store) ? scriptsUnder(store) : [],
    pester: existsSync(pester) ? scriptsUnder(pester) : [],
  };
}

/**
 * Broken copies of a script, to compare error positions: cut at the line ends after 30%, 50% and 70% of its text,
 * and with the first `)` after 40% removed. Written UTF-8 with a BOM (pwsh then reads them as we do).
 */
export function brokenVariants(text: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const fraction of [0.3, 0.5, 0.7]) {
    const at = text.indexOf('\n', Math.floor(text.length * fraction));
    if (at >= 0) out.push({ name: `cut-${fraction}`, text: text.slice(0, at) });
  }
  const paren = text.indexOf(')', Math.floor(text.length * 0.4));
  if (paren >= 0) out.push({ name: 'no-paren', text: text.slice(0, paren) + text.slice(paren + 1) });
  return out;
}

/** Our parser's structure of `text`, in PowerShell's terms (see ScriptStructure). */
export function ourStructure(text: string): ScriptStructure {
  let root: Ast;
  try {
    root = parse(text);
  } catch (e) {
    if (e instanceof ParseError) {
      return { error: { line: e.line, column: e.column, message: e.reason }, statements: [], commands: [] };
    }
    throw e;
  }
  const statements: [string, number, number][] = [];
  const commands: [number, number, number][] = [];
  // PowerShell stores a one-expression right side of `=` as the CommandExpressionAst itself (no PipelineAst).
  const unwrapped = new Set<Ast>();
  walkAst(root, (n) => {
    if (
      n.type === 'AssignmentStatementAst' &&
      n.right.type === 'PipelineAst' &&
      n.right.pipelineElements.length === 1 &&
      n.right.pipelineElements[0]!.type === 'CommandExpressionAst'
    )
      unwrapped.add(n.right);
    if (n.type === 'TypeDefinitionAst' && n.isClass) {
      for (const m of n.members) {
        // PowerShell adds a `base()` call, with an empty extent, to constructors that do not write one.
        if (
          m.type === 'FunctionMemberAst' &&
          !m.isStatic &&
          m.baseArguments === null &&
          m.name.toLowerCase() === n.name.toLowerCase()
        ) {
          statements.push(['CommandExpressionAst', 0, 0]);
        }
      }
    }
    if (n.type === 'FunctionMemberAst') {
      statements.push(['FunctionDefinitionAst', n.definitionExtent.startOffset, n.definitionExtent.endOffset]);
    }
    if (!STATEMENT_TYPES.has(n.type) || unwrapped.has(n)) return;
    statements.push([n.type, n.extent.startOffset, n.extent.endOffset]);
    if (n.type === 'CommandAst') commands.push([n.extent.startOffset, n.extent.endOffset, n.commandElements.length]);
  });
  return { error: null, statements, commands };
}

/** Comment-based help of every function, in pwsh-ast-dump.ps1's shape: [start, synopsis, description, parameters, examples]. */
export function ourHelp(text: string): (readonly unknown[])[] {
  const root = parse(text);
  const out: (readonly unknown[])[] = [];
  walkAst(root, (n) => {
    if (n.type !== 'FunctionDefinitionAst') return;
    const h = getHelpContent(root, n);
    if (h !== null) {
      out.push([
        n.extent.startOffset,
        h.synopsis,
        h.description,
        Object.keys(h.parameters)
          .map((k) => k.toLowerCase())
          .sort(),
        h.examples.length,
      ]);
    }
  });
  return out;
}

/** Entries of `a` not matched by one of `b` (multiset difference), as text. */
export function missingFrom(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): string[] {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(JSON.stringify(x), (counts.get(JSON.stringify(x)) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const k = JSON.stringify(x);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(k);
  }
  return out;
}
