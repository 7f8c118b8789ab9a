import { describe, expect, it } from '@jest/globals';
import { run } from './support.js';

describe('constructs outside the subset', () => {
  it.each([
    ['$a = 1\n"x"\nwhile ($true) { }', "The runbook interpreter does not support 'while' loops (line 3:1)", 3, 1],
    ['$x = 1\n$y = [xml]"<a/>"', 'The runbook interpreter does not support the cast [xml] (line 2:6)', 2, 6],
    [
      '$r = [Math]::Round(1.5)',
      "The runbook interpreter does not support the static method '[Math]::Round()' (line 1:6)",
      1,
      6,
    ],
    ['. .\\helpers.ps1', "The runbook interpreter does not support dot-sourcing ('.') (line 1:1)", 1, 1],
    ['$sb = { 1 }\n& $sb', "The runbook interpreter does not support a computed command name ('$sb') (line 2:3)", 2, 3],
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
    ['function f { }', "The runbook interpreter does not support function definitions ('function') (line 1:1)", 1, 1],
    [
      '[CmdletBinding()]\nparam($x)\nGet-ExchangeCertificate',
      'The runbook interpreter does not support param() blocks (line 1:1)',
      1,
      1,
    ],
    [
      'begin { } end { Get-ExchangeCertificate }',
      "The runbook interpreter does not support named blocks ('begin') (line 1:1)",
      1,
      1,
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
    [
      'for ($i = 0; $i -lt 2; $i++) { Get-ExchangeCertificate }',
      "The runbook interpreter does not support 'for' loops (line 1:1)",
      1,
      1,
    ],
    [
      'Get-ExchangeCertificate\nswitch (1) { 1 { } }',
      "The runbook interpreter does not support 'switch' statements (line 2:1)",
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
