import { describe, expect, it } from '@jest/globals';
import { run } from './support.js';

// An empty pipeline leaves AutomationNull, not $null (issue 10, confirmed with pwsh 7.6.9).
describe('a pipeline with no output', () => {
  const empty = '$x = Get-ExchangeCertificate | Where-Object { $false }\n';

  it('gives a variable @($x).Count of 0, while $null gives 1', async () => {
    const { result } = await run(`${empty}@($x).Count\n$y = $null\n@($y).Count\n$z = $x\n@($z).Count`);
    expect(result.errors).toEqual([]);
    expect(result.output).toEqual([0, 1, 0]);
  });

  it('runs ForEach-Object 0 times over it', async () => {
    const { result } = await run(`${empty}$n = 0\n$x | ForEach-Object { $n++ }\n$n`);
    expect(result.output).toEqual([0]);
  });

  it('pipes nothing into an Exchange cmdlet (no call, no binding error)', async () => {
    const { result, env } = await run(`${empty}$x | Remove-ExchangeCertificate -Confirm:$false`);
    expect(result.errors).toEqual([]);
    expect(env.exchange.calls.map((c) => c.cmdlet)).toEqual(['Get-ExchangeCertificate']);
  });

  it('has Count 0 in parentheses on 3.0+ ($null.Count too), $null on 2.0', async () => {
    const script = '(Get-ExchangeCertificate | Where-Object { $false }).Count\n$null.Count\n$null.Length';
    expect((await run(script, '5.1')).result.output).toEqual([0, 0, 0]);
    expect((await run(script, '7')).result.output).toEqual([0, 0, 0]);
    expect((await run(script, '2.0')).result.output).toEqual([null, null, null]);
  });

  it('leaves $null after a [void] cast and AutomationNull after if without output', async () => {
    const { result } = await run('$v = [void]1\n@($v).Count\n$c = if ($false) { 1 }\n@($c).Count');
    expect(result.output).toEqual([1, 0]);
  });

  it('reports the variable as $null in the run result', async () => {
    const { result } = await run(empty);
    expect(result.variables.get('x')).toBeNull();
  });
});
