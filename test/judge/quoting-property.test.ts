// Real PowerShell is the judge of quoting: thousands of hostile values rendered as -FriendlyName and through
// Set-Content (-LiteralPath/-Value) must reach PowerShell exactly (pwsh 7 runs them; 5.1/2.0 renders are parsed).
import { beforeAll, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { bind } from '../../src/bind/bind.js';
import { newExchangeCertificate } from '../../src/cmdlet/new-exchange-certificate.js';
import { script } from '../../src/cmdlet/script-builder.js';
import { compile } from '../../src/dialect/render.js';
import type { CompiledScript } from '../../src/dialect/compiled-script.js';
import { core } from '../support/invocations.js';
import { HAZARDS, psString } from '../support/ps-strings.js';
import type { CaseResult, ParseReport, ParsedElement } from '../support/pwsh.js';
import { describeWithPwsh, parseWithPwsh, runPwshBatch } from '../support/pwsh.js';
import { judgeModule, show } from '../support/judge-stubs.js';

const RUNS = 2000;
// PowerShell's parser costs a few ms per text: 5.1/2.0 ascii renders are parsed for the first values only
// (pwsh 7 runs both quotings of every value; 5.1/2.0 literal renders are parsed for every value).
const ASCII_PARSE_RUNS = 800;
const SEED = 0x0e7c3e27;

// The brief's hazards, whole or embedded: five single quotes, four double quotes, dashes, $ ` # ; | & ( {, --%,
// CR, LF, NUL, lone surrogates, emoji pairs, non-ASCII letters, number-like words.
const WHOLE = [
  "'",
  '\u2018\u2019\u201A\u201B',
  '"\u201C\u201D\u201E',
  '\u2013Force',
  '\u2014',
  '\u2015x',
  '--%',
  '--% a',
  '-Force',
  '--',
  '1E5',
  '0x10',
  '2048',
  '1kb',
  '$true',
  '$null',
  '\r\n',
  '\r',
  '\n',
  '\u0000',
  '\ud800',
  '\udc00',
  'a\udbff',
  '\ud83d\ude00',
  '\ud83d',
  'Zürich',
  'Ωμέγα',
  '中文',
  '#',
  '; rm x',
  '| x',
  '& x',
  '(x)',
  '{x}',
  '`',
  '``',
  '`"',
  "`'",
  "''",
  '@(',
  '$(x)',
  ' ',
  '',
];
const value = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...WHOLE) },
  { weight: 6, arbitrary: psString(12) },
  {
    weight: 2,
    arbitrary: fc.array(fc.constantFrom(...HAZARDS, ...WHOLE), { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
  },
);

interface Sample {
  readonly friendlyName: string;
  readonly path: string;
  readonly content: string;
}

const samples: Sample[] = fc
  .sample(fc.tuple(value, value, value), { seed: SEED, numRuns: RUNS })
  .map(([friendlyName, path, content]) => ({
    friendlyName,
    // -LiteralPath is mandatory [string[]]: PowerShell refuses an empty string there, as the builder does.
    path: path === '' ? 'empty' : path,
    content,
  }));

type Quoting = 'literal' | 'ascii';
const QUOTINGS: readonly Quoting[] = ['literal', 'ascii'];

function render(s: Sample, shell: '2.0' | '5.1' | '7', quoting: Quoting): CompiledScript {
  return compile(
    script()
      .run(newExchangeCertificate({ friendlyName: s.friendlyName }))
      .writeFile(s.path, s.content),
    { shell, quoting },
  );
}

/** The argument element of -Name in a parsed command (colon form or next element). */
function argumentOf(els: readonly ParsedElement[], name: string): ParsedElement | undefined {
  const i = els.findIndex((e) => e.kind === 'CommandParameter' && e.parameterName === name);
  return i < 0 ? undefined : (els[i]!.argument ?? els[i + 1]);
}

function firstProblems(problems: readonly string[], total: number): string {
  return `${problems.length} of ${total} values mismatched; first 20:\n${problems.slice(0, 20).join('\n')}`;
}

describeWithPwsh('quoting: property-generated values, judged by real PowerShell', () => {
  const parsed: { sample: number; shell: '2.0' | '5.1'; quoting: Quoting; compiled: CompiledScript }[] = [];
  const ran: { sample: number; texts: CompiledScript[] }[] = [];
  const renderErrors: string[] = [];
  let runResults: CaseResult[] = [];
  let parseResults: ParseReport[] = [];

  beforeAll(async () => {
    samples.forEach((s, i) => {
      try {
        ran.push({ sample: i, texts: QUOTINGS.map((q) => render(s, '7', q)) });
        for (const shell of ['5.1', '2.0'] as const) {
          for (const quoting of QUOTINGS)
            if (quoting === 'literal' || i < ASCII_PARSE_RUNS)
              parsed.push({ sample: i, shell, quoting, compiled: render(s, shell, quoting) });
        }
      } catch (e) {
        renderErrors.push(`${show(s)}: ${String(e)}`);
      }
    });
    // 5.1 and 2.0 (and literal/ascii) renders often coincide: PowerShell parses each distinct text once.
    const distinct = [...new Set(parsed.map((p) => p.compiled.text))];
    const index = new Map(distinct.map((t, i) => [t, i] as const));
    const [run, reports] = await Promise.all([
      runPwshBatch(
        judgeModule({ shell: '7' }),
        ran.map((r) => r.texts.map((t) => t.text).join('\n')),
      ),
      parseWithPwsh(distinct, { timeoutMs: 240_000 }),
    ]);
    runResults = run;
    parseResults = parsed.map((p) => reports[index.get(p.compiled.text)!]!);
  });

  it(`generates at least ${RUNS} values, biased toward the lexical hazards, and renders all of them`, () => {
    expect(samples.length).toBeGreaterThanOrEqual(2000);
    const hazardous = samples.filter((s) =>
      /['\u2018-\u201B"\u201C-\u201E\u2013-\u2015$`#;|&({\r\n\u0000]|--%|[\ud800-\udfff]/.test(s.friendlyName),
    ).length;
    expect(hazardous).toBeGreaterThan(samples.length / 2);
    if (renderErrors.length > 0) throw new Error(firstProblems(renderErrors, samples.length));
  });

  it('pwsh 7 binds -FriendlyName, -LiteralPath and -Value exactly (literal and ascii quoting)', () => {
    const problems: string[] = [];
    ran.forEach((r, i) => {
      const s = samples[r.sample]!;
      const res = runResults[i]!;
      if (!res.ok) {
        problems.push(
          `${show(s)}: pwsh failed: ${res.error?.message}\n  text: ${show(r.texts.map((t) => t.text).join('\n'))}`,
        );
        return;
      }
      const want = QUOTINGS.flatMap(() => [
        {
          cmdlet: 'New-ExchangeCertificate',
          parameterSet: 'Certificate',
          parameters: { FriendlyName: s.friendlyName },
        },
        {
          cmdlet: 'Set-Content',
          parameterSet: 'LiteralPath',
          parameters: { LiteralPath: [s.path], Value: [s.content] },
        },
      ]);
      const got = res.records.map((x) => ({
        cmdlet: x.cmdlet,
        parameterSet: x.parameterSet,
        parameters: x.parameters,
      }));
      // show() keeps lone surrogates as \u escapes, so this is exact UTF-16 equality.
      if (show(got) !== show(want))
        problems.push(
          `${show(s)}:\n  PowerShell bound ${show(got)}\n  text: ${show(r.texts.map((t) => t.text).join('\n'))}`,
        );
    });
    if (problems.length > 0) throw new Error(firstProblems(problems, ran.length));
  });

  it('PowerShell’s parser reads the 5.1 and 2.0 renders without errors and yields each value exactly', () => {
    const problems: string[] = [];
    parsed.forEach((p, i) => {
      const s = samples[p.sample]!;
      const rep = parseResults[i]!;
      const label = `${p.shell}/${p.quoting} ${show(s)}`;
      if (rep.errors.length > 0) {
        problems.push(`${label}: parse errors ${show(rep.errors)}\n  text: ${show(p.compiled.text)}`);
        return;
      }
      const [ne, sc] = rep.commands;
      const got = {
        commands: rep.commands.map((c) => c.name),
        friendlyName: ne ? argumentOf(ne.elements, 'FriendlyName')?.value : undefined,
        literalPath: sc ? argumentOf(sc.elements, 'LiteralPath')?.value : undefined,
        value: sc ? argumentOf(sc.elements, 'Value')?.value : undefined,
      };
      const want = {
        commands: ['New-ExchangeCertificate', 'Set-Content'],
        friendlyName: s.friendlyName,
        literalPath: s.path,
        value: s.content,
      };
      if (show(got) !== show(want))
        problems.push(`${label}: PowerShell's AST gives ${show(got)}\n  text: ${show(p.compiled.text)}`);
    });
    if (problems.length > 0) throw new Error(firstProblems(problems, parsed.length));
  });

  it('bind() reads every render back to compile()’s invocations (all dialects, both quotings)', () => {
    const problems: string[] = [];
    const all = [...ran.flatMap((r) => r.texts.map((t) => ({ sample: r.sample, compiled: t }))), ...parsed];
    for (const { sample, compiled } of all) {
      try {
        const got = bind(compiled.text, { shell: compiled.shell }).map(core);
        if (show(got) !== show(compiled.invocations.map(core)))
          problems.push(
            `${compiled.shell} ${show(samples[sample])}: bind gave ${show(got)}, compile() has ${show(compiled.invocations.map(core))}`,
          );
      } catch (e) {
        problems.push(
          `${compiled.shell} ${show(samples[sample])}: bind threw ${String(e)}\n  text: ${show(compiled.text)}`,
        );
      }
    }
    if (problems.length > 0) throw new Error(firstProblems(problems, all.length));
  });
});
