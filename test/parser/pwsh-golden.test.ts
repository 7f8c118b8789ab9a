import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from '../../src/parser/parser.js';
import { ParseError } from '../../src/parser/parse-error.js';
import { canonical, dumpForm } from './pwsh-form.js';

/**
 * Each case was parsed by PowerShell 7.6.9 (`[System.Management.Automation.Language.Parser]::ParseInput`) and
 * recorded as one of:
 * - `ast`: the AST (types, offsets, values) in the canonical form of pwsh-form.ts;
 * - `error`: PowerShell's first error position [line, column]; `ours` when our position differs for a known
 *   reason (PowerShell puts end-of-input errors one column past the end, reports "catch-all not last" one column
 *   early, offsets errors inside `""`-folded sub-expressions, or we reject a construct earlier);
 * - `unsupported` / `rejected`: PowerShell accepts it; recorded when the parser still refused constructs outside the
 *   interpreter's subset (redirection, `&&`, named blocks, ...). The parser now reads them all (issue 7).
 */
interface GoldenCase {
  readonly input: string;
  readonly ast?: string;
  readonly error?: readonly [number, number];
  readonly ours?: readonly [number, number];
  readonly unsupported?: true;
  readonly rejected?: string;
}

const golden = JSON.parse(readFileSync(new URL('./pwsh-golden.json', import.meta.url), 'utf8')) as {
  powershell: string;
  cases: GoldenCase[];
};

function outcome(input: string): { ast: string } | { error: ParseError } {
  try {
    return { ast: canonical(dumpForm(parse(input))) };
  } catch (e) {
    if (e instanceof ParseError) return { error: e };
    throw e;
  }
}

describe(`agreement with PowerShell ${golden.powershell}`, () => {
  it('has a meaningful number of recorded cases', () => {
    expect(golden.cases.filter((c) => c.ast !== undefined).length).toBeGreaterThan(500);
    expect(golden.cases.filter((c) => c.error !== undefined).length).toBeGreaterThan(100);
  });

  it('builds the same AST (types, extents, values) wherever PowerShell parses the input', () => {
    const mismatches: string[] = [];
    for (const c of golden.cases.filter((x) => x.ast !== undefined)) {
      const got = outcome(c.input);
      if (!('ast' in got)) mismatches.push(`${JSON.stringify(c.input)}: ParseError ${got.error.reason}`);
      else if (got.ast !== c.ast) mismatches.push(`${JSON.stringify(c.input)}:\n  want ${c.ast}\n  got  ${got.ast}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('rejects what PowerShell rejects, at the same line and column', () => {
    const mismatches: string[] = [];
    for (const c of golden.cases.filter((x) => x.error !== undefined)) {
      const got = outcome(c.input);
      if ('ast' in got) {
        mismatches.push(`${JSON.stringify(c.input)}: parsed, PowerShell reports an error at ${c.error!.join(':')}`);
        continue;
      }
      const want = c.ours ?? c.error!;
      if (got.error.line !== want[0] || got.error.column !== want[1]) {
        mismatches.push(
          `${JSON.stringify(c.input)}: ${got.error.line}:${got.error.column} ${got.error.reason}, expected ${want.join(':')}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('parses the constructs beyond the interpreter subset that PowerShell accepts', () => {
    const refused: string[] = [];
    const cases = golden.cases.filter((x) => x.unsupported || x.rejected !== undefined);
    for (const c of cases) {
      const got = outcome(c.input);
      if (!('ast' in got)) refused.push(`${JSON.stringify(c.input)}: ${got.error.reason}`);
    }
    expect(cases.length).toBeGreaterThan(30);
    expect(refused).toEqual([]);
  });
});
