// Real PowerShell is the judge for renders pwsh 7 cannot run (5.1 and 2.0 use -Encoding Byte): PowerShell's own
// parser must read every golden without errors, and the literal values its AST yields must be compile()'s values.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from '@jest/globals';
import { bind } from '../../src/bind/bind.js';
import type { CompiledScript } from '../../src/dialect/compiled-script.js';
import { compile } from '../../src/dialect/render.js';
import { isExpression } from '../../src/node/expression.js';
import type { ParameterValue } from '../../src/node/invocation.js';
import { Secret } from '../../src/node/secret.js';
import type { ParameterSpec } from '../../src/spec/cmdlet-spec.js';
import { powershellModule } from '../../src/spec/powershell-module.js';
import { findCmdlet, shellView } from '../../src/spec/registry.js';
import { GOLDEN_CASES, GOLDEN_DIALECTS } from '../support/golden-cases.js';
import type { GoldenCase } from '../support/golden-cases.js';
import { core } from '../support/invocations.js';
import type { CaseResult, ParseReport, ParsedElement } from '../support/pwsh.js';
import { describeWithPwsh, parseWithPwsh, runPwshBatch } from '../support/pwsh.js';
import { isArrayParameter, psExactString, servicesValue, show } from '../support/judge-stubs.js';

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures', 'golden');
const DIRS = ['ps51', 'ps2'] as const;

interface Judged {
  readonly golden: GoldenCase;
  readonly dir: (typeof DIRS)[number];
  readonly text: string;
  readonly compiled: CompiledScript;
}

/** Per CommandAst (FindAll order, as in ParseReport.commands): outermost enclosing command, and ReadAllBytes calls in its arguments. */
interface Nesting {
  readonly owner: number;
  readonly readAllBytes: readonly { parameter: string | null; path: string }[];
}

// Asks PowerShell's AST which commands sit inside other commands' arguments (same FindAll order as parseWithPwsh).
function nestingCase(text: string): string {
  return String.raw`$t = $null; $e = $null
$ast = [System.Management.Automation.Language.Parser]::ParseInput(${psExactString(text)}, [ref]$t, [ref]$e)
$all = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true))
function Get-Outermost($n) { $o = $null; for ($p = $n.Parent; $null -ne $p; $p = $p.Parent) { if ($p -is [System.Management.Automation.Language.CommandAst]) { $o = $p } }; return $o }
$calls = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.InvokeMemberExpressionAst] -and $n.Static -and
    $n.Member.Value -eq 'ReadAllBytes' -and $n.Arguments.Count -eq 1 -and $n.Arguments[0] -is [System.Management.Automation.Language.StringConstantExpressionAst] }, $true))
$items = foreach ($c in $all) {
    $o = Get-Outermost $c
    $oi = if ($null -eq $o) { -1 } else { [array]::IndexOf($all, $o) }
    $rab = foreach ($call in $calls) {
        if (-not [object]::ReferenceEquals((Get-Outermost $call), $c)) { continue }
        $pname = $null
        $els = $c.CommandElements
        for ($k = 1; $k -lt $els.Count; $k++) {
            $el = $els[$k]
            if ($el.Extent.StartOffset -le $call.Extent.StartOffset -and $call.Extent.EndOffset -le $el.Extent.EndOffset) {
                if ($el -is [System.Management.Automation.Language.CommandParameterAst]) { $pname = $el.ParameterName }
                elseif ($els[$k - 1] -is [System.Management.Automation.Language.CommandParameterAst]) { $pname = $els[$k - 1].ParameterName }
            }
        }
        '{"parameter":' + $(if ($null -eq $pname) { 'null' } else { ConvertTo-ExchcertJsonString $pname }) + ',"path":' + (ConvertTo-ExchcertJsonString $call.Arguments[0].Value) + '}'
    }
    '{"owner":' + $oi + ',"readAllBytes":[' + (@($rab) -join ',') + ']}'
}
'[' + (@($items) -join ',') + ']'`;
}

/** A literal argument as PowerShell's AST gives it: strings, numbers (with their text), booleans, null, lists. */
type Literal =
  | { t: 'string'; v: string }
  | { t: 'number'; v: number; text: string }
  | { t: 'bool'; v: boolean }
  | { t: 'null' }
  | { t: 'list'; items: Literal[] };

function literalOf(el: ParsedElement): Literal | undefined {
  switch (el.kind) {
    case 'StringConstantExpression':
    case 'ExpandableStringExpression':
      return typeof el.value === 'string' ? { t: 'string', v: el.value } : undefined;
    case 'ConstantExpression':
      return typeof el.value === 'string' ? { t: 'number', v: Number(el.value), text: el.text } : undefined;
    case 'VariableExpression': {
      const name = el.text.toLowerCase();
      if (name === '$true') return { t: 'bool', v: true };
      if (name === '$false') return { t: 'bool', v: false };
      if (name === '$null') return { t: 'null' };
      return undefined;
    }
    case 'ArrayLiteral': {
      const items = (el.elements ?? []).map(literalOf);
      return items.every((i): i is Literal => i !== undefined) ? { t: 'list', items } : undefined;
    }
    default:
      return undefined;
  }
}

function plain(l: Literal): unknown {
  switch (l.t) {
    case 'list':
      return l.items.map(plain);
    case 'null':
      return null;
    default:
      return l.v;
  }
}

/** Compares a literal with compile()'s value for a parameter of this type; null when they agree. */
function compareLiteral(p: ParameterSpec, expected: ParameterValue, lit: Literal): string | null {
  const bad = () => `AST literal ${show(plain(lit))}, compile() says ${show(expected)}`;
  if (p.type === 'AllowedServices') {
    const names = lit.t === 'list' ? lit.items.map(plain) : [plain(lit)];
    const want = servicesValue(Array.isArray(expected) ? expected : [expected]);
    return want !== undefined && servicesValue(names) === want ? null : bad();
  }
  if (isArrayParameter(p)) {
    const items = lit.t === 'list' ? lit.items : [lit];
    const exp = Array.isArray(expected) ? expected : [expected];
    return items.length === exp.length && items.every((it, i) => scalarEqual(p, exp[i]!, it)) ? null : bad();
  }
  return scalarEqual(p, expected, lit) ? null : bad();
}

function scalarEqual(p: ParameterSpec, expected: ParameterValue, lit: Literal): boolean {
  if (lit.t === 'list') return false;
  if (lit.t === 'null') return expected === null;
  // A [string] parameter gets a bare number's original text back.
  if (lit.t === 'number' && typeof expected === 'string')
    return lit.text === expected && !['Int32', 'Int64', 'Boolean', 'SwitchParameter'].includes(p.type);
  return lit.v === expected;
}

function elementsAfter(els: readonly ParsedElement[], name: string): ParsedElement | undefined {
  const i = els.findIndex(
    (e) => e.kind === 'CommandParameter' && e.parameterName?.toLowerCase() === name.toLowerCase(),
  );
  if (i < 0) return undefined;
  return els[i]!.argument ?? els[i + 1];
}

function judge(j: Judged, report: ParseReport, nesting: readonly Nesting[]): string[] {
  const problems: string[] = [];
  if (report.errors.length > 0)
    return report.errors.map((e) => `parse error ${e.errorId} at ${e.line}:${e.column}: ${e.message}`);
  if (nesting.length !== report.commands.length)
    return [`nesting has ${nesting.length} commands, the parse report ${report.commands.length}`];
  const shell = j.compiled.shell;
  const topIndexes = nesting.map((n, i) => (n.owner === -1 ? i : -1)).filter((i) => i >= 0);
  const names = topIndexes.map((i) => findCmdlet(report.commands[i]!.name ?? '')?.name ?? report.commands[i]!.name);
  const invs = j.compiled.invocations;
  if (names.join(' ') !== invs.map((x) => x.cmdlet).join(' ')) {
    return [
      `statement-level commands in the AST [${names.join(', ')}], compile() invocations [${invs.map((x) => x.cmdlet).join(', ')}]`,
    ];
  }
  topIndexes.forEach((ci, n) => {
    const inv = invs[n]!;
    const where = `#${n + 1} ${inv.cmdlet}`;
    const spec = findCmdlet(inv.cmdlet);
    if (!spec) {
      problems.push(`${where}: not in the tables, cannot be judged`);
      return;
    }
    const view = shellView(spec, shell);
    const els = report.commands[ci]!.elements;
    const seen = new Set<string>();
    // What nested commands / ReadAllBytes calls must account for: fileBytes paths, secrets, prompts.
    const pending: { option: string; value: ParameterValue }[] = [];
    for (let k = 0; k < els.length; k++) {
      const el = els[k]!;
      if (el.kind !== 'CommandParameter') {
        problems.push(`${where}: positional argument ${el.text} (renders name every parameter)`);
        continue;
      }
      const written = el.parameterName ?? '';
      const p = view.parameters.find((q) => q.name.toLowerCase() === written.toLowerCase());
      if (!p) {
        problems.push(`${where}: -${written} is not a full parameter name of ${inv.cmdlet} in ${shell}`);
        continue;
      }
      let arg: ParsedElement | 'present';
      if (el.argument) arg = el.argument;
      else if (p.type === 'SwitchParameter') arg = 'present';
      else if (k + 1 < els.length && els[k + 1]!.kind !== 'CommandParameter') arg = els[++k]!;
      else {
        problems.push(`${where}: -${p.name} has no argument`);
        continue;
      }
      if (seen.has(p.option)) problems.push(`${where}: -${p.name} written twice`);
      seen.add(p.option);
      if (!(p.option in inv.parameters)) {
        problems.push(`${where}: -${p.name} is in the text, not in compile()'s invocation`);
        continue;
      }
      const expected = inv.parameters[p.option]!;
      const fail = (why: string) => problems.push(`${where} -${p.name}: ${why}`);
      if (arg === 'present') {
        if (expected !== true) fail(`switch present, compile() says ${show(expected)}`);
        continue;
      }
      if (expected instanceof Secret) {
        if (arg.kind === 'VariableExpression') {
          const v = j.compiled.secretVariables.get(arg.text.slice(1));
          if (!v || !v.equals(expected)) fail(`${arg.text} is not a secret variable holding the secret`);
        } else pending.push({ option: p.option, value: expected });
        continue;
      }
      if (isExpression(expected)) {
        switch (expected.kind) {
          case 'variable': {
            const want = '$' + [expected.name, ...expected.path].join('.');
            if (arg.text !== want) fail(`argument ${arg.text}, compile() says ${want}`);
            break;
          }
          case 'expression':
            if (arg.text !== expected.text) fail(`argument ${arg.text}, compile() says ${expected.text}`);
            break;
          case 'pipelineInput':
            fail(`written in the text (${arg.text}), compile() says it comes from the pipeline`);
            break;
          default:
            pending.push({ option: p.option, value: expected });
        }
        continue;
      }
      const lit = literalOf(arg);
      if (!lit) {
        fail(`argument ${arg.text} (${arg.kind}) has no literal value, compile() says ${show(expected)}`);
        continue;
      }
      const err = compareLiteral(p, expected, lit);
      if (err) fail(err);
    }
    for (const [option, value] of Object.entries(inv.parameters)) {
      if (seen.has(option)) continue;
      if (!(isExpression(value) && value.kind === 'pipelineInput'))
        problems.push(`${where}: compile() has ${option}=${show(value)}, the text does not give it`);
    }
    // Nested commands and ReadAllBytes calls of this command consume the pending values.
    const take = (pred: (v: ParameterValue) => boolean): boolean => {
      const i = pending.findIndex((x) => pred(x.value));
      if (i < 0) return false;
      pending.splice(i, 1);
      return true;
    };
    for (const rab of nesting[ci]!.readAllBytes) {
      if (!take((v) => isExpression(v) && v.kind === 'fileBytes' && v.path === rab.path))
        problems.push(`${where}: ReadAllBytes('${rab.path}') matches no fileBytes value of compile()`);
    }
    nesting.forEach((nn, ni) => {
      if (nn.owner !== ci) return;
      for (const rab of nn.readAllBytes)
        if (!take((v) => isExpression(v) && v.kind === 'fileBytes' && v.path === rab.path))
          problems.push(`${where}: ReadAllBytes('${rab.path}') matches no fileBytes value`);
      const cmd = report.commands[ni]!;
      const name = findCmdlet(cmd.name ?? '')?.name ?? cmd.name;
      const litOf = (param: string) => {
        const a = elementsAfter(cmd.elements, param);
        const l = a ? literalOf(a) : undefined;
        return l?.t === 'string'
          ? l.v
          : l?.t === 'list' && l.items.length === 1 && l.items[0]!.t === 'string'
            ? l.items[0]!.v
            : undefined;
      };
      if (name === 'Get-Content') {
        const path = litOf('LiteralPath') ?? litOf('Path');
        if (!take((v) => isExpression(v) && v.kind === 'fileBytes' && v.path === path))
          problems.push(`${where}: nested Get-Content of ${show(path)} matches no fileBytes value`);
      } else if (name === 'ConvertTo-SecureString') {
        const s = litOf('String');
        if (!take((v) => v instanceof Secret && v.reveal() === s))
          problems.push(`${where}: nested ConvertTo-SecureString -String ${show(s)} matches no secret of compile()`);
      } else if (name === 'Read-Host') {
        const prompt = litOf('Prompt') ?? null;
        const ok =
          take((v) => isExpression(v) && v.kind === 'secretPrompt' && v.prompt === prompt) ||
          (j.compiled.secretsMode === 'prompt' && take((v) => v instanceof Secret && !j.text.includes(v.reveal())));
        if (!ok) problems.push(`${where}: nested Read-Host -Prompt ${show(prompt)} matches no prompt of compile()`);
      } else {
        problems.push(`${where}: nested ${name} is not accounted for`);
      }
    });
    for (const x of pending)
      problems.push(`${where} ${x.option}: ${show(x.value)} has no nested command or ReadAllBytes call producing it`);
  });
  return problems;
}

const cases = GOLDEN_CASES.flatMap((golden) =>
  DIRS.filter((d) => golden.options[d] !== undefined).map((dir) => ({
    golden,
    dir,
    compiled: compile(golden.input, golden.options[dir]!),
  })),
);

describeWithPwsh('ps51 and ps2 golden renders, read by PowerShell’s own parser', () => {
  let judged: Judged[] = [];
  let reports: ParseReport[] = [];
  let nestings: CaseResult[] = [];

  beforeAll(async () => {
    judged = await Promise.all(
      cases.map(async (c) => ({
        ...c,
        text: (await readFile(join(ROOT, c.dir, `${c.golden.name}.ps1`), 'utf8')).replace(/\n$/, ''),
      })),
    );
    [reports, nestings] = await Promise.all([
      parseWithPwsh(judged.map((j) => j.text)),
      runPwshBatch(
        powershellModule({ shell: '7' }),
        judged.map((j) => nestingCase(j.text)),
      ),
    ]);
  });

  it('covers every ps51 and ps2 golden file', async () => {
    for (const dir of DIRS) {
      const files = (await readdir(join(ROOT, dir)))
        .filter((f) => f.endsWith('.ps1'))
        .map((f) => f.replace(/\.ps1$/, ''))
        .sort();
      expect(files).toEqual(
        cases
          .filter((c) => c.dir === dir)
          .map((c) => c.golden.name)
          .sort(),
      );
    }
    expect(GOLDEN_DIALECTS.ps2).toBe('2.0');
  });

  it('each golden file is exactly the current compile() text', () => {
    expect(judged.filter((j) => j.text !== j.compiled.text).map((j) => `${j.dir}/${j.golden.name}`)).toEqual([]);
  });

  it('parses without errors, and every literal argument is compile()’s value (by command order and parameter name)', () => {
    const problems = judged.flatMap((j, i) => {
      const n = nestings[i]!;
      if (!n.ok) return [`${j.dir}/${j.golden.name}: nesting query failed: ${n.error?.message}`];
      return judge(j, reports[i]!, JSON.parse(n.output[0]!) as Nesting[]).map((p) => `${j.dir}/${j.golden.name}: ${p}`);
    });
    if (problems.length > 0) throw new Error(`${problems.length} mismatch(es):\n${problems.slice(0, 40).join('\n')}`);
  });

  it('bind(text, { shell }) of each golden gives compile()’s invocations', () => {
    const problems: string[] = [];
    for (const j of judged) {
      try {
        const got = bind(j.text, { shell: j.compiled.shell }).map(core);
        const want = j.compiled.invocations.map(core);
        if (show(got) !== show(want))
          problems.push(`${j.dir}/${j.golden.name}: bind gave ${show(got)}\n  compile() has ${show(want)}`);
      } catch (e) {
        problems.push(`${j.dir}/${j.golden.name}: bind threw ${String(e)}`);
      }
    }
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });
});
