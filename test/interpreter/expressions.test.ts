import { describe, expect, it } from '@jest/globals';
import { interpret } from '../../src/interpreter/index.js';
import { describeWithPwsh, runPwshBatch } from '../support/pwsh.js';
import { makeEnv, run } from './support.js';

/** Expressions whose results real pwsh 7 judges (each output object compared as [string]). */
const JUDGED = [
  "'10' -eq 10",
  "10 -eq '10'",
  "'abc' -eq 'ABC'",
  "'abc' -ceq 'ABC'",
  '@(1,2,3,2) -eq 2',
  "@('a','B') -like 'b'",
  "1,2,3 -contains '2'",
  "2 -in '1','2'",
  "'abc' -like 'a*c'",
  "'abc' -notlike '?b'",
  "'Thumb' -match '^th'",
  "'x' -cmatch 'X'",
  '$null -eq $null',
  '$null -eq 0',
  "'' -eq $null",
  "'5' + 1",
  "5 + '1'",
  "'10' - 4",
  '7 / 2',
  '8 / 2',
  '7 % 3',
  "'ab' * 3",
  '@(1,2) + 3',
  '(1,2) * 2',
  '-not 0',
  "!''",
  '1 -and 0',
  "0 -or 'x'",
  '$true -xor $true',
  '[int]2.5',
  '[int]3.5',
  "[int]'0x1F'",
  "[int]' 42 '",
  "[bool]'False'",
  '[bool]0',
  '[string]$null',
  '[char]65',
  '[byte[]](65,66)',
  "'{0:N2}|{1,-4}|{2:X4}' -f 1234.5,'ab',255",
  "'a-b-c' -replace '-', '+'",
  "'a1b2' -replace '\\d'",
  "'John Smith' -replace '(\\w+) (\\w+)', '$2, $1'",
  "'a,b;c' -split '[,;]'",
  "-split ' a  b '",
  "(1,2,3) -join '-'",
  "'  x  '.Trim()",
  "'Hello'.ToUpper().Substring(1,3)",
  "'a.b.c'.Split('.')",
  "'abc'.Contains('B')",
  "'abc'.StartsWith('ab')",
  "'x'.PadLeft(3,'0')",
  '"a$(1+1)b"',
  '$a = \'v\'; "[$a] [$($a.Length)]"',
  "$h = @{ Key = 'v' }; $h.key; $h['KEY']; $h.Count",
  '$x = @(); $x.Count',
  '$y = ,1; $y.Count',
  '@($null).Count',
  "[System.Text.Encoding]::Unicode.GetBytes('Ab')",
  "[System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes('héllo'))",
  "[System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('aMOpbGxv'))",
  '1..3',
  '5..3',
  '$i = 1; $i++; $i += 4; $i',
  "$s = 'abc'; $s[0]; $s[-1]",
  '$a = 1,2,3; $a[1]; $a[-1]; $a[5] -eq $null',
  "[string]::IsNullOrEmpty('')",
  "[string]::Join(',', @('a','b'))",
  "$o = [pscustomobject]@{ Name = 'n'; Size = 3 }; $o.name; $o.SIZE",
  "'abc'.Length; @(1,2).Length",
  '1.5 -gt 1',
  "'b' -gt 'a'",
  "'B' -cgt 'a'",
  "$x = $null; if ($x) { 'yes' } else { 'no' }",
  "if (@()) { 'yes' } else { 'no' }",
  "if (@(0)) { 'yes' } else { 'no' }",
  "if ('False') { 'yes' }",
  "$r = foreach ($n in 1..3) { $n * 2 }; $r -join ','",
  "'{0}' -f $null",
  '$e = [System.Text.Encoding]::ASCII; $e.GetString([byte[]](104,105))',
  '[pscustomobject]@{a=1},[pscustomobject]@{a=2} | Where-Object a -gt 1 | ForEach-Object a',
  '1..5 | Select-Object -First 2 -Skip 1',
  "'a','b' | ForEach-Object { $_.ToUpper() }",
  "1..4 | ForEach-Object -Begin { 'b' } -Process { if ($_ -eq 2) { return }; $_ } -End { 'e' }",
  "[pscustomobject]@{ N = 'x'; V = 2 } | Select-Object N, @{n='D'; e={ $_.V * 2 }} | ForEach-Object { \"$($_.N)$($_.D)\" }",
  "[pscustomobject]@{Name='n'; Size=3}, [pscustomobject]@{Name='longer name'; Size=12345} | Format-Table | Out-String -Stream",
  "[pscustomobject]@{Name='n'; Size=3; List=@(1,2,3,4,5)} | Format-List | Out-String -Stream",
  "@{ Key = 'v' } | Out-String -Stream",
  "'a', 1, $true | Out-String -Stream",
];

/** Outputs as pwsh's [string] conversion shows them. */
async function ours(text: string): Promise<{ output: (string | null)[]; error: string | null }> {
  const result = await interpret(text, makeEnv('7'));
  const { toStr } = await import('../../src/runtime/ps-values.js');
  const err = result.terminated ?? result.errors[0] ?? null;
  return { output: result.output.map((o) => (o === null ? null : toStr(o))), error: err ? err.errorId : null };
}

describeWithPwsh('expressions judged by real pwsh 7', () => {
  it('give the same outputs', async () => {
    const theirs = await runPwshBatch('', JUDGED);
    expect(theirs).toHaveLength(JUDGED.length);
    expect(theirs[0]!.output).toEqual(['True']);
    const mismatches: string[] = [];
    for (let i = 0; i < JUDGED.length; i++) {
      const mine = await ours(JUDGED[i]!);
      const real = theirs[i]!;
      const realOut = real.error ? 'ERROR' : JSON.stringify(real.output);
      const myOut = mine.error ? 'ERROR' : JSON.stringify(mine.output);
      if (realOut !== myOut)
        mismatches.push(
          `${JUDGED[i]}: pwsh ${realOut}${real.error ? ` (${real.error.message})` : ''} / interpreter ${myOut}`,
        );
    }
    expect(mismatches).toEqual([]);
  }, 60000);
});

describe('expressions', () => {
  it('expands here-strings and [char] escapes (Mode A)', async () => {
    const { result } = await run(
      '$n = "x"\n@"\nline $n\n$($n.ToUpper())\n"@\n@\'\nno $n\n\'@\n"a$([char]0x00E9)$([char]0x0041)"',
      '5.1',
    );
    expect(result.output).toEqual(['line x\nX', 'no $n', 'aéA']);
  });

  it('reads $env: from the provided map (missing ones are $null)', async () => {
    const { result } = await run('$env:COMPUTERNAME; $env:NOPE -eq $null; $env:X = "1"; $env:x', '5.1', {
      environment: { COMPUTERNAME: 'AMS-EXCH01' },
    });
    expect(result.output).toEqual(['AMS-EXCH01', true, '1']);
  });

  it('treats variables case-insensitively and refuses writing $true', async () => {
    const { result } = await run('$Cert = 1; $cert + $CERT\n$true = 5\n"on"', '5.1');
    expect(result.output).toEqual([2, 'on']);
    expect(result.errors[0]).toMatchObject({
      message: 'Cannot overwrite variable true because it is read-only or constant.',
      line: 2,
    });
  });

  it("fails a bad cast with PowerShell's message per dialect", async () => {
    const five = await run("[int]'abc'", '5.1');
    expect(five.result.errors[0]).toMatchObject({
      message: 'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."',
      fullyQualifiedErrorId: 'InvalidCastFromStringToInteger',
    });
    const seven = await run("[int]'abc'", '7');
    expect(seven.result.errors[0]!.message).toBe(
      'Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."',
    );
  });

  it('compares dates and subtracts them into time spans', async () => {
    const { result } = await run('$d = Get-Date\n($d.AddDays(30) - $d).Days\n$d.AddDays(-1) -lt $d', '5.1');
    expect(result.output).toEqual([30, true]);
  });

  it('uses .Where()/.ForEach() and [void]', async () => {
    const { result } = await run(
      '(1,2,3).Where({ $_ -gt 1 }).ForEach({ $_ * 2 })\n[void](1 + 1)\n$null = "discarded"',
      '5.1',
    );
    expect(result.output).toEqual([4, 6]);
  });
});
