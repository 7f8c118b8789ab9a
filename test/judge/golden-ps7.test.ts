// Real PowerShell is the judge: every PowerShell 7 golden render runs in pwsh against stub functions that have the
// cmdlets' param blocks; what PowerShell bound for each statement-level command must be compile()'s invocation.
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { CompiledScript } from '../../src/dialect/compiled-script.js';
import { compile } from '../../src/dialect/render.js';
import type { Expression } from '../../src/node/expression.js';
import { isExpression } from '../../src/node/expression.js';
import type { Invocation, ParameterValue } from '../../src/node/invocation.js';
import { GOLDEN_CASES } from '../support/golden-cases.js';
import type { GoldenCase } from '../support/golden-cases.js';
import type { CaseResult } from '../support/pwsh.js';
import { describeWithPwsh, runPwshBatch } from '../support/pwsh.js';
import type { JudgeRecord } from '../support/judge-stubs.js';
import {
  JUDGE_PROMPT_TEXT,
  STUBBED_HELPERS,
  compareLiteral,
  isArrayParameter,
  judgeFileContent,
  judgeFilesScript,
  judgeModule,
  lowerFirst,
  parameterOf,
  psExactString,
  secretVariablesScript,
  show,
} from '../support/judge-stubs.js';

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures', 'golden');
const DIR = join(ROOT, 'ps7');

interface Judged {
  readonly golden: GoldenCase;
  readonly file: string;
  readonly text: string;
  readonly compiled: CompiledScript;
}

/** Where a command stands in the golden script, by PowerShell's AST; owner = outermost enclosing command. */
interface CommandPosition {
  readonly line: number;
  readonly column: number;
  readonly name: string;
  readonly owner: readonly [number, number] | null;
}

const pos = (line: number, column: number) => `${line}:${column}`;

function variableKey(v: { name: string; path: readonly string[] }): string {
  return [v.name, ...v.path].join('.');
}

function expressionsOf(value: ParameterValue): Expression[] {
  if (Array.isArray(value)) return (value as readonly ParameterValue[]).flatMap(expressionsOf);
  return isExpression(value) ? [value] : [];
}

/** Every path whose bytes a render reads (fileBytes values and statement-level Get-Content). */
function filePaths(invocations: readonly Invocation[]): string[] {
  const out = new Set<string>();
  for (const inv of invocations) {
    for (const v of Object.values(inv.parameters))
      for (const e of expressionsOf(v)) if (e.kind === 'fileBytes') out.add(e.path);
    if (inv.cmdlet === 'Get-Content')
      for (const p of [inv.parameters.literalPath, inv.parameters.path].flat()) if (typeof p === 'string') out.add(p);
  }
  return [...out];
}

/** The case text: stubs, known file bytes, secret variables, then the golden dot-sourced, then what the judge needs. */
function caseText(j: Judged, helpers: readonly string[]): string {
  const vars = new Map<string, string>();
  for (const inv of j.compiled.invocations) {
    for (const v of Object.values(inv.parameters))
      for (const e of expressionsOf(v)) if (e.kind === 'variable') vars.set(variableKey(e), `$${variableKey(e)}`);
  }
  const files = new Map(filePaths(j.compiled.invocations).map((p) => [p, judgeFileContent(p)] as const));
  return [
    judgeModule({ shell: '7', ...(j.compiled.exchange ? { exchange: j.compiled.exchange.label } : {}), helpers }),
    judgeFilesScript(files),
    secretVariablesScript(j.compiled.secretVariables),
    `$__judgeSb = [scriptblock]::Create(${psExactString(j.text)})`,
    String.raw`$__judgeCmds = @(foreach ($c in $__judgeSb.Ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)) {
    $o = $null
    for ($p = $c.Parent; $null -ne $p; $p = $p.Parent) { if ($p -is [System.Management.Automation.Language.CommandAst]) { $o = $p } }
    $ow = if ($null -eq $o) { 'null' } else { '[' + $o.Extent.StartLineNumber + ',' + $o.Extent.StartColumnNumber + ']' }
    'JUDGECMD {"line":' + $c.Extent.StartLineNumber + ',"column":' + $c.Extent.StartColumnNumber + ',"name":' + (ConvertTo-ExchcertJsonString ([string]$c.GetCommandName())) + ',"owner":' + $ow + '}'
})`,
    '. $__judgeSb',
    '$__judgeCmds',
    ...[...vars].map(
      ([key, expr]) =>
        `'JUDGEVAR ' + ${JSON.stringify(key).replace(/"/g, "'")} + ' ' + (ConvertTo-ExchcertJson ${expr})`,
    ),
    '',
  ].join('\n');
}

interface Outcome {
  readonly commands: Map<string, CommandPosition>;
  readonly variables: Map<string, unknown>;
}

function readOutcome(r: CaseResult): Outcome {
  const commands = new Map<string, CommandPosition>();
  const variables = new Map<string, unknown>();
  for (const line of r.output) {
    if (line?.startsWith('JUDGECMD ')) {
      const c = JSON.parse(line.slice(9)) as CommandPosition;
      commands.set(pos(c.line, c.column), c);
    } else if (line?.startsWith('JUDGEVAR ')) {
      const rest = line.slice(9);
      const space = rest.indexOf(' ');
      variables.set(rest.slice(0, space), JSON.parse(rest.slice(space + 1)));
    }
  }
  return { commands, variables };
}

/**
 * Compares what PowerShell bound with compile()'s invocations; returns the problems (empty when they agree).
 * `helpers`: the helper cmdlets that were stubs (real ones leave no record and are judged by their effect).
 */
function judge(j: Judged, r: CaseResult, helpers: readonly string[]): string[] {
  const problems: string[] = [];
  if (!r.ok) return [`pwsh failed: ${r.error?.fullyQualifiedErrorId}: ${r.error?.message}`];
  const { commands, variables } = readOutcome(r);
  const records = r.records as JudgeRecord[];
  const top: JudgeRecord[] = [];
  const nested = new Map<string, JudgeRecord[]>();
  for (const rec of records) {
    const c = commands.get(pos(rec.line, rec.column));
    if (!c) {
      problems.push(`record of ${rec.cmdlet} at ${pos(rec.line, rec.column)} matches no command of the AST`);
      continue;
    }
    if (c.owner === null) top.push(rec);
    else {
      const k = pos(c.owner[0], c.owner[1]);
      nested.set(k, [...(nested.get(k) ?? []), rec]);
    }
  }
  const stubbed = new Set([
    'Get-ExchangeCertificate',
    'New-ExchangeCertificate',
    'Import-ExchangeCertificate',
    'Enable-ExchangeCertificate',
    'Export-ExchangeCertificate',
    'Remove-ExchangeCertificate',
    ...helpers,
  ]);
  const expected = j.compiled.invocations.filter((inv) => stubbed.has(inv.cmdlet));
  if (expected.length !== j.compiled.invocations.length && helpers.length === STUBBED_HELPERS.length) {
    problems.push(
      `invocations of unstubbed cmdlets cannot be judged: ${j.compiled.invocations
        .filter((i) => !stubbed.has(i.cmdlet))
        .map((i) => i.cmdlet)
        .join(', ')}`,
    );
  }
  if (top.map((t) => t.cmdlet).join(' ') !== expected.map((e) => e.cmdlet).join(' ')) {
    problems.push(
      `statement-level commands PowerShell ran: [${top.map((t) => t.cmdlet).join(', ')}], compile() invocations: [${expected.map((e) => e.cmdlet).join(', ')}]`,
    );
    return problems;
  }
  expected.forEach((inv, i) => {
    const rec = top[i]!;
    const where = `#${i + 1} ${inv.cmdlet}`;
    const mine = [...(nested.get(pos(rec.line, rec.column)) ?? [])];
    nested.delete(pos(rec.line, rec.column));
    if (rec.parameterSet !== inv.parameterSet)
      problems.push(`${where}: parameter set ${rec.parameterSet}, compile() says ${inv.parameterSet}`);
    const actualKeys = Object.keys(rec.parameters);
    const byOption = new Map(actualKeys.map((k) => [lowerFirst(k), k] as const));
    const expectedKeys = Object.keys(inv.parameters);
    const missing = expectedKeys.filter((k) => !byOption.has(k));
    const extra = [...byOption.keys()].filter((k) => !(k in inv.parameters));
    if (missing.length > 0 || extra.length > 0)
      problems.push(
        `${where}: PowerShell bound [${actualKeys.join(', ')}], compile() has [${expectedKeys.join(', ')}]`,
      );
    for (const key of expectedKeys) {
      const psName = byOption.get(key);
      if (psName === undefined) continue;
      const expectedValue = inv.parameters[key]!;
      const actual = rec.parameters[psName];
      const p = parameterOf(inv.cmdlet, key, '7');
      const fromPipeline = rec.pipeline.includes(psName);
      const fail = (why: string) => problems.push(`${where} -${psName}: ${why}`);
      if (isExpression(expectedValue)) {
        if (expectedValue.kind !== 'pipelineInput' && fromPipeline)
          fail('bound from the pipeline, compile() says it is given');
        switch (expectedValue.kind) {
          case 'pipelineInput': {
            if (!fromPipeline) {
              fail('compile() says pipeline input, PowerShell bound it from the command line');
              break;
            }
            const upstream = i > 0 ? top[i - 1]! : undefined;
            if (expectedValue.by === 'property') {
              if (typeof actual !== 'string')
                fail(`by property name means the upstream Thumbprint string; PowerShell bound ${show(actual)}`);
              else if (
                upstream &&
                typeof upstream.parameters.Thumbprint === 'string' &&
                upstream.parameters.Thumbprint !== actual
              )
                fail(`bound ${actual}, upstream asked for ${upstream.parameters.Thumbprint}`);
            } else if (actual === null || typeof actual !== 'object' || !('certificate' in actual)) {
              fail(`by value means the upstream certificate object; PowerShell bound ${show(actual)}`);
            }
            break;
          }
          case 'variable': {
            const vk = variableKey(expectedValue);
            if (!variables.has(vk)) {
              fail(`no value of $${vk} was reported`);
              break;
            }
            const held = variables.get(vk);
            const want = isArrayParameter(p) && !Array.isArray(held) && held !== null ? [held] : held;
            if (show(want) !== show(actual)) fail(`$${vk} holds ${show(held)}, PowerShell bound ${show(actual)}`);
            break;
          }
          case 'fileBytes': {
            const content = judgeFileContent(expectedValue.path);
            const err = compareLiteral(p, content, actual);
            if (err) fail(`file bytes of '${expectedValue.path}': ${err}`);
            const gc = mine.findIndex((m) => m.cmdlet === 'Get-Content');
            if (gc >= 0) {
              const g = mine.splice(gc, 1)[0]!;
              const path = g.parameters.LiteralPath ?? g.parameters.Path;
              if (show(path) !== show([expectedValue.path]))
                fail(`nested Get-Content read ${show(path)}, compile() says '${expectedValue.path}'`);
            }
            break;
          }
          case 'secretPrompt': {
            if (show(actual) !== show({ secret: JUDGE_PROMPT_TEXT }))
              fail(`expected the SecureString typed at the prompt, PowerShell bound ${show(actual)}`);
            const rh = mine.findIndex((m) => m.cmdlet === 'Read-Host');
            if (rh < 0) {
              fail('no Read-Host prompt ran for it');
              break;
            }
            const h = mine.splice(rh, 1)[0]!;
            const want =
              expectedValue.prompt === null
                ? { AsSecureString: true }
                : { Prompt: expectedValue.prompt, AsSecureString: true };
            if (show(h.parameters) !== show(want))
              fail(`Read-Host bound ${show(h.parameters)}, compile() says prompt ${show(expectedValue.prompt)}`);
            break;
          }
          case 'expression':
            fail(
              `compile() gives a verbatim expression ${show(expectedValue)}: this golden cannot be judged value by value`,
            );
            break;
        }
        continue;
      }
      if (fromPipeline) fail('bound from the pipeline, compile() says it is given');
      const err = compareLiteral(p, expectedValue, actual);
      if (err) fail(err);
    }
    for (const m of mine)
      problems.push(`${where}: nested ${m.cmdlet} ${show(m.parameters)} is not accounted for by compile()`);
  });
  for (const [owner, recs] of nested)
    problems.push(`nested commands ${recs.map((x) => x.cmdlet).join(', ')} under ${owner} belong to no judged command`);
  return problems;
}

const cases: Judged[] = GOLDEN_CASES.filter((c) => c.options.ps7 !== undefined).map((golden) => ({
  golden,
  file: join(DIR, `${golden.name}.ps1`),
  text: '',
  compiled: compile(golden.input, golden.options.ps7!),
}));

describeWithPwsh('ps7 golden renders, run by real pwsh against the cmdlets’ param blocks', () => {
  let work = '';
  let stubbed: CaseResult[] = [];
  let real: CaseResult[] = [];
  let judged: Judged[] = [];

  beforeAll(async () => {
    judged = await Promise.all(
      cases.map(async (c) => ({ ...c, text: (await readFile(c.file, 'utf8')).replace(/\n$/, '') })),
    );
    work = await mkdtemp(join(tmpdir(), 'exchcert-judge-ps7-'));
    // .NET reads relative (and, on Linux, backslashed) names from its current directory: the names exactly as written.
    // PowerShell's provider maps C:\ to a drive rooted in work/cdrive (so real Get-Content/Set-Content can run).
    const cdrive = join(work, 'cdrive');
    for (const j of judged) {
      for (const p of filePaths(j.compiled.invocations)) {
        await writeFile(join(work, p), judgeFileContent(p));
        const m = /^[A-Za-z]:\\(.*)$/.exec(p);
        if (m) {
          const parts = m[1]!.split('\\');
          await mkdir(join(cdrive, ...parts.slice(0, -1)), { recursive: true });
          await writeFile(join(cdrive, ...parts), judgeFileContent(p));
        }
      }
      for (const inv of j.compiled.invocations) {
        for (const p of [inv.parameters.literalPath, inv.parameters.path].flat()) {
          const m = typeof p === 'string' ? /^[A-Za-z]:\\(.*)$/.exec(p) : null;
          if (m) await mkdir(join(cdrive, ...m[1]!.split('\\').slice(0, -1)), { recursive: true });
        }
      }
    }
    await mkdir(cdrive, { recursive: true });
    const setup = [
      `[System.Environment]::CurrentDirectory = ${psExactString(work)}`,
      `$null = New-PSDrive -Name C -PSProvider FileSystem -Root ${psExactString(cdrive)} -Scope Global`,
    ].join('\n');
    const texts = [
      ...judged.map((j) => caseText(j, STUBBED_HELPERS)),
      ...judged.map((j) => caseText(j, ['Read-Host'])),
    ];
    const results = await runPwshBatch(setup, texts);
    stubbed = results.slice(0, judged.length);
    real = results.slice(judged.length);
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('covers every ps7 golden file (a file without a case fails)', async () => {
    const files = (await readdir(DIR))
      .filter((f) => f.endsWith('.ps1'))
      .map((f) => f.replace(/\.ps1$/, ''))
      .sort();
    expect(files).toEqual(cases.map((c) => c.golden.name).sort());
    expect(cases.length).toBeGreaterThan(0);
  });

  it('each golden file is exactly the current compile() text', () => {
    const stale = judged.filter((j) => j.text !== j.compiled.text).map((j) => j.golden.name);
    expect(stale).toEqual([]);
  });

  it('PowerShell binds every statement-level command of every golden as compile() says (helper cmdlets stubbed)', () => {
    const report = judged.flatMap((j, i) =>
      judge(j, stubbed[i]!, STUBBED_HELPERS).map((p) => `${j.golden.name}: ${p}`),
    );
    if (report.length > 0) throw new Error(`${report.length} mismatch(es):\n${report.slice(0, 40).join('\n')}`);
  });

  it('the renders also run with the real Get-Content/Set-Content (files in place), binding the Exchange cmdlets the same way', async () => {
    const report = judged.flatMap((j, i) => judge(j, real[i]!, ['Read-Host']).map((p) => `${j.golden.name}: ${p}`));
    // Bytes real Get-Content read into variables are the files' bytes.
    const contents = new Set(
      judged
        .flatMap((j) => filePaths(j.compiled.invocations))
        .map((p) => Buffer.from(judgeFileContent(p)).toString('base64')),
    );
    judged.forEach((j, i) => {
      for (const [name, value] of readOutcome(real[i]!).variables) {
        const bytes = value !== null && typeof value === 'object' ? (value as { bytes?: unknown }).bytes : undefined;
        if (typeof bytes === 'string' && !contents.has(bytes))
          report.push(`${j.golden.name}: $${name} holds bytes that are no file's content: ${bytes}`);
      }
    });
    // Real Set-Content wrote what the script asked for.
    for (const j of judged) {
      for (const inv of j.compiled.invocations.filter((x) => x.cmdlet === 'Set-Content')) {
        const target = (inv.parameters.literalPath as readonly string[])[0]!;
        const m = /^[A-Za-z]:\\(.*)$/.exec(target);
        if (!m) {
          report.push(`${j.golden.name}: Set-Content target ${target} is not a drive path this judge maps`);
          continue;
        }
        const written = await readFile(join(work, 'cdrive', ...m[1]!.split('\\')), 'utf8').catch(() => null);
        if (written === null || !written.startsWith('-----BEGIN NEW CERTIFICATE REQUEST-----'))
          report.push(`${j.golden.name}: real Set-Content did not write the request to ${target}`);
      }
    }
    if (report.length > 0) throw new Error(`${report.length} mismatch(es):\n${report.slice(0, 40).join('\n')}`);
  });
});
