import { describe, expect, it } from '@jest/globals';
import { run } from './support.js';

describe('constructs outside the subset', () => {
  it.each([
    ['$a = 1\n"x"\ntrap { "t" }', "The runbook interpreter does not support 'trap' statements (line 3:1)", 3, 1],
    ['$x = 1\n$y = [xml]"<a/>"', 'The runbook interpreter does not support the cast [xml] (line 2:6)', 2, 6],
    [
      '$r = [Math]::Log10(1.5)',
      "The runbook interpreter does not support the static method '[Math]::Log10()' (line 1:6)",
      1,
      6,
    ],
    [
      '$n = 1\n& (Get-Command Get-Date)',
      "The runbook interpreter does not support a computed command name ('(Get-Command Get-Date)') (line 2:3)",
      2,
      3,
    ],
    [
      'Invoke-Command -ScriptBlock { $using:x }',
      "The runbook interpreter does not support the 'using:' variable scope or drive (line 1:31)",
      1,
      31,
    ],
    [
      'try { 1 } catch [System.Net.WebException] { 2 }',
      'The runbook interpreter does not support catch type [System.Net.WebException] (line 1:17)',
      1,
      17,
    ],
    [
      '$a = 1\n$b = $a ?? 2',
      "The runbook interpreter does not support the '??' operator (PowerShell 7) (line 2:9)",
      2,
      9,
    ],
    ['workflow w { }', "The runbook interpreter does not support workflows ('workflow') (line 1:1)", 1, 1],
    [
      '[CmdletBinding(SupportsShouldProcess)]\nparam($x)\nGet-ExchangeCertificate',
      'The runbook interpreter does not support [CmdletBinding(SupportsShouldProcess)] (line 1:16)',
      1,
      16,
    ],
    [
      'function f { param([ValidateScript({ $true })]$x) }',
      'The runbook interpreter does not support the attribute [ValidateScript()] (line 1:20)',
      1,
      20,
    ],
    [
      'function f { param([Parameter(ParameterSetName = "A")]$x) }',
      'The runbook interpreter does not support [Parameter(ParameterSetName)] (line 1:31)',
      1,
      31,
    ],
    [
      'function f { param([xml]$x) }',
      'The runbook interpreter does not support the parameter type [xml] (line 1:20)',
      1,
      20,
    ],
    [
      'begin { } end { Get-ExchangeCertificate }',
      "The runbook interpreter does not support a script's named blocks ('begin') (line 1:1)",
      1,
      1,
    ],
    [
      'function f { dynamicparam { } end { } }',
      "The runbook interpreter does not support named blocks ('dynamicparam') (line 1:14)",
      1,
      14,
    ],
    [
      'Get-ExchangeCertificate\nGet-ExchangeCertificate > out.txt',
      "The runbook interpreter does not support redirection ('>') (line 2:25)",
      2,
      25,
    ],
    [
      '$a = 1\n$b = $a ? 1 : 2',
      "The runbook interpreter does not support the ternary operator '? :' (PowerShell 7) (line 2:6)",
      2,
      6,
    ],
    [
      'Get-ExchangeCertificate && Get-ExchangeCertificate',
      "The runbook interpreter does not support the '&&' pipeline chain operator (PowerShell 7) (line 1:1)",
      1,
      1,
    ],
    [
      'Get-ExchangeCertificate\nclass C { }',
      "The runbook interpreter does not support class definitions ('class') (line 2:1)",
      2,
      1,
    ],
    ['data { "x" }', "The runbook interpreter does not support 'data' sections (line 1:1)", 1, 1],
    [
      'Get-ExchangeCertificate\nswitch -file C:\\x.txt { 1 { } }',
      "The runbook interpreter does not support the switch option '-file' (line 2:1)",
      2,
      1,
    ],
  ])('refuses %j before running anything', async (script, message, line, column) => {
    const { result, env } = await run(script, '5.1');
    expect(result.terminated).toMatchObject({
      message,
      category: 'NotImplemented',
      errorId: 'UnsupportedConstruct',
      line,
      column,
      terminating: true,
    });
    expect(result.statements).toEqual([]);
    expect(result.errors).toEqual([result.terminated]);
    expect(env.exchange.calls).toEqual([]);
  });

  it('stops at run time on a .NET method it does not implement, after the statements before it ran', async () => {
    const { result } = await run(
      '"before"\n$s = "x"\ntry { $s.Normalize() } catch { "must not be caught" }\n"after"',
      '7',
    );
    expect(result.output).toEqual(['before']);
    expect(result.terminated?.message).toBe(
      'The runbook interpreter does not support the method System.String.Normalize() (line 3:7)',
    );
  });

  it('refuses dot-sourcing a script file and a command named by a variable when they run', async () => {
    const dotted = await run('"before"\n. .\\helpers.ps1', '5.1');
    expect(dotted.result.output).toEqual(['before']);
    expect(dotted.result.terminated?.message).toBe(
      "The runbook interpreter does not support dot-sourcing a script file ('. .\\helpers.ps1') (line 2:1)",
    );
    const computed = await run('$n = "Get-Date"\n& $n', '5.1');
    expect(computed.result.terminated?.message).toBe(
      "The runbook interpreter does not support calling a command by a computed name ('$n') (line 2:3)",
    );
  });

  it('refuses -ErrorAction Inquire and -in on 2.0', async () => {
    expect((await run('Get-ExchangeCertificate -ErrorAction Inquire', '5.1')).result.terminated?.message).toBe(
      'The runbook interpreter does not support -ErrorAction Inquire (line 1:1)',
    );
    expect((await run('1 -in 1,2', '2.0')).result.terminated?.message).toBe(
      "The runbook interpreter does not support the '-in' operator in Windows PowerShell 2.0 (it exists from PowerShell 3.0) (line 1:1)",
    );
  });

  it('reports other syntax errors as ParserError', async () => {
    const { result } = await run('Get-ExchangeCertificate -Server "AMS', '5.1');
    expect(result.terminated).toMatchObject({ category: 'ParserError', line: 1 });
    expect(result.statements).toEqual([]);
  });
});
