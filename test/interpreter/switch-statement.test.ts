// The switch statement (expected outputs as real pwsh 7.6 prints them).
import { describe, expect, it } from '@jest/globals';
import { toStr } from '../../src/runtime/ps-values.js';
import { run } from './support.js';

async function outputs(script: string): Promise<string[]> {
  const { result } = await run(script, '7');
  expect(result.terminated).toBeNull();
  return result.output.map((o) => toStr(o));
}

describe('switch', () => {
  it('compares as strings when either side is a string, and runs every matching clause', async () => {
    expect(await outputs("switch (5) { '5' { 'str5' } 5 { 'int5' } }")).toEqual(['str5', 'int5']);
    expect(await outputs("switch ('05') { 5 { 'int' } default { 'def' } }")).toEqual(['def']);
    expect(await outputs("switch ('IIS') { 'iis' { 'ci' } }")).toEqual(['ci']);
    expect(await outputs("switch -CaseSensitive ('IIS') { 'iis' { 'ci' } default { 'cs' } }")).toEqual(['cs']);
  });

  it('walks arrays with $_, script-block conditions, continue and default', async () => {
    expect(
      await outputs('switch (1, 2, 3) { 2 { "two"; continue } { $_ -gt 1 } { "gt1 $_" } default { "d $_" } }'),
    ).toEqual(['d 1', 'two', 'gt1 3']);
    expect(await outputs("switch (3) { 3 { 'a'; break } 3 { 'b' } }")).toEqual(['a']);
    expect(await outputs("switch (@()) { default { 'empty' } }")).toEqual([]);
    expect(await outputs("switch ($null) { $null { 'null' } default { 'd' } }")).toEqual(['null']);
  });

  it('matches wildcards and regular expressions (setting $Matches)', async () => {
    expect(await outputs("switch -Wildcard ('mail.contoso.com') { '*.contoso.com' { 'w' } 'MAIL*' { 'm' } }")).toEqual([
      'w',
      'm',
    ]);
    expect(await outputs("switch -Regex ('IMAP, POP, IIS') { 'i(i)s' { \"r $($Matches[1])\" } }")).toEqual(['r I']);
  });

  it('break inside a switch inside a loop leaves only the switch', async () => {
    expect(await outputs('foreach ($i in 1..2) { switch ($i) { 1 { \'one\'; break } } "after $i" }')).toEqual([
      'one',
      'after 1',
      'after 2',
    ]);
  });
});
