// Sort-Object, Measure-Object, Group-Object, Get-Member, ConvertTo-Json, New-Object and the static members runbooks use
// (expected values as real pwsh 7.6 gives them; the 5.1 JSON layout as Windows PowerShell 5.1 writes it).
import { describe, expect, it } from '@jest/globals';
import { formatForHost } from '../../src/format/format-output.js';
import { toStr } from '../../src/runtime/ps-values.js';
import type { ShellVersion } from '../../src/spec/shell-version.js';
import { run } from './support.js';

const O = "$o = @([pscustomobject]@{N='b';V=3}, [pscustomobject]@{N='a';V=1}, [pscustomobject]@{N='c';V=2})\n";

async function outputs(script: string, shell: ShellVersion = '7'): Promise<string[]> {
  const { result } = await run(script, shell);
  expect(result.terminated).toBeNull();
  return result.output.map((o) => toStr(o));
}

async function shown(script: string, shell: ShellVersion = '7'): Promise<string> {
  const { result } = await run(script, shell);
  expect(result.terminated).toBeNull();
  return formatForHost(result.output, shell);
}

describe('object cmdlets', () => {
  it('sorts by property, descending, unique, by script block', async () => {
    expect(await outputs(`${O}$o | Sort-Object N | ForEach-Object { $_.N }`)).toEqual(['a', 'b', 'c']);
    expect(await outputs(`${O}($o | Sort-Object V -Descending).N`)).toEqual(['b', 'c', 'a']);
    expect(await outputs('3, 1, 2, 1 | Sort-Object -Unique')).toEqual(['1', '2', '3']);
    expect(await outputs(`${O}($o | Sort-Object { $_.V % 3 }).N`)).toEqual(['b', 'a', 'c']);
  });

  it('measures counts, sums, averages, maxima and minima', async () => {
    expect(
      await outputs(
        `${O}$m = $o | Measure-Object -Property V -Sum -Average -Maximum -Minimum\n$m.Count, $m.Sum, $m.Average, $m.Maximum, $m.Minimum, $m.Property`,
      ),
    ).toEqual(['3', '6', '2', '3', '1', 'V']);
    expect(await outputs(`${O}($o | Measure-Object).Count\n$null -eq ($o | Measure-Object).Sum`)).toEqual([
      '3',
      'True',
    ]);
    expect(await shown(`${O}$o | Measure-Object -Property V -Sum`, '5.1')).toBe(
      '\nCount    : 3\nAverage  : \nSum      : 6\nMaximum  : \nMinimum  : \nProperty : V\n',
    );
  });

  it('groups with Count, Name and Group (sorted by name on 7)', async () => {
    expect(
      await outputs("$g = 'x', 'y', 'x' | Group-Object\n$g | ForEach-Object { \"$($_.Name)=$($_.Count)\" }"),
    ).toEqual(['x=2', 'y=1']);
    expect(await outputs("('b', 'a', 'b' | Group-Object).Name", '7')).toEqual(['a', 'b']);
    expect(await outputs("('b', 'a', 'b' | Group-Object).Name", '5.1')).toEqual(['b', 'a']);
    expect(await shown("'x', 'y', 'x' | Group-Object")).toContain(
      'Count Name Group\n----- ---- -----\n    2 x    {x, x}\n    1 y    {y}',
    );
  });

  it('lists members with the TypeName heading', async () => {
    const text = await shown(`${O}$o | Get-Member`);
    expect(text).toContain('   TypeName: System.Management.Automation.PSCustomObject');
    expect(text).toContain('N           NoteProperty string N=b');
    expect(text).toContain('GetType     Method       type GetType()');
  });

  it('writes JSON as pwsh 7 and as Windows PowerShell 5.1 lay it out', async () => {
    expect(await outputs(`${O}$o[0] | ConvertTo-Json -Compress`)).toEqual(['{"N":"b","V":3}']);
    expect(await outputs("ConvertTo-Json @(1, 'a', $null, $true) -Compress")).toEqual(['[1,"a",null,true]']);
    expect(await outputs(`${O}$o[0] | ConvertTo-Json`)).toEqual(['{\r\n  "N": "b",\r\n  "V": 3\r\n}']);
    expect(await outputs('[pscustomobject]@{ L = @(1, 2) } | ConvertTo-Json', '5.1')).toEqual([
      '{\r\n    "L":  [\r\n              1,\r\n              2\r\n          ]\r\n}',
    ]);
    const deep = await run('[pscustomobject]@{ H = @{ x = @{ y = @{ z = 1 } } } } | ConvertTo-Json -Compress', '7');
    expect(deep.result.output).toEqual(['{"H":{"x":{"y":"System.Collections.Hashtable"}}}']);
    expect(deep.result.statements[0]!.warnings).toEqual([
      'Resulting JSON is truncated as serialization has exceeded the set depth of 2.',
    ]);
  });

  it('constructs objects with New-Object and ::new()', async () => {
    expect(await outputs("$l = New-Object System.Collections.Generic.List[string]\n$l.Add('a')\n$l.Count")).toEqual([
      '1',
    ]);
    expect(await outputs("$a = New-Object System.Collections.ArrayList\n$a.Add('x')")).toEqual(['0']);
    expect(
      await outputs("$l = [System.Collections.Generic.List[string]]::new()\n$l.Add('a'); $l.Add('b'); $l -join ','"),
    ).toEqual(['a,b']);
    expect(
      await outputs(
        "$sb = New-Object System.Text.StringBuilder\n[void]$sb.Append('x')\n[void]$sb.AppendLine('y')\n$sb.ToString().Length",
      ),
    ).toEqual(['4']);
    expect(await outputs('$p = New-Object PSObject -Property ([ordered]@{ Z = 1; A = 2 })\n$p.Z + $p.A')).toEqual([
      '3',
    ]);
    expect(
      await outputs(
        "(New-Object DateTime 2024, 3, 1).ToString('yyyy-MM-dd')\n(New-Object TimeSpan 1, 2, 3).ToString()",
      ),
    ).toEqual(['2024-03-01', '01:02:03']);
  });

  it('runs [math], [timespan], [datetime]::Parse and New-TimeSpan', async () => {
    expect(
      await outputs(
        '[math]::Round(2.5); [math]::Round(3.14159, 2); [math]::Floor(-1.5); [math]::Max(3, 7); [math]::Pow(2, 10); [math]::Abs(-4); [math]::Ceiling(2.1)',
      ),
    ).toEqual(['2', '3.14', '-2', '7', '1024', '4', '3']);
    expect(
      await outputs(
        "[datetime]::Parse('2024-03-01 10:00').ToString('yyyy-MM-dd HH:mm')\n[timespan]::FromDays(1.5).ToString()",
      ),
    ).toEqual(['2024-03-01 10:00', '1.12:00:00']);
    expect(await outputs('$ts = New-TimeSpan -Days 3 -Hours 2\n"$ts"\n$ts.TotalHours')).toEqual(['3.02:00:00', '74']);
  });
});
