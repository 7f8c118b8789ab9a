import { describe, expect, it } from '@jest/globals';
import { exchangeError, fakeCertificate, run } from './support.js';
import type { FakeExchange } from './support.js';

/** Get returns two certificates; Enable fails for the second with an Exchange RPC error and a warning. */
function failingEnable(env: { exchange: FakeExchange }): void {
  env.exchange.handler = (call) => {
    if (call.cmdlet === 'Get-ExchangeCertificate')
      return {
        output: [fakeCertificate('A'.repeat(40), 'CN=a'), fakeCertificate('B'.repeat(40), 'CN=b')],
        errors: [],
        warnings: [],
      };
    if (call.cmdlet === 'Enable-ExchangeCertificate' && call.parameters.thumbprint === 'B'.repeat(40)) {
      return {
        output: [],
        errors: [exchangeError(call, 'A special Rpc error occurs on server AMS-EXCH01: boom')],
        warnings: ['careful'],
      };
    }
    return { output: [], errors: [], warnings: [] };
  };
}

describe('non-terminating errors and -ErrorAction', () => {
  it('records Exchange errors per call and goes on; $? turns false', async () => {
    const { result, env } = await run(
      'Get-ExchangeCertificate | Enable-ExchangeCertificate -Services IIS\n"ok: $?"\n"again: $?"',
      '5.1',
      {},
      failingEnable,
    );
    expect(env.exchange.calls.filter((c) => c.cmdlet === 'Enable-ExchangeCertificate')).toHaveLength(2);
    expect(result.statements[0]!.errors).toHaveLength(1);
    expect(result.statements[0]!.errors[0]).toMatchObject({
      terminating: false,
      line: 1,
      column: 27,
      command: 'Enable-ExchangeCertificate',
    });
    expect(result.statements[0]!.warnings).toEqual(['careful']);
    expect(result.output).toEqual(['ok: False', 'again: True']);
  });

  it('-ErrorAction Stop makes the error terminating: try/catch sees the unchanged record', async () => {
    const script = [
      'try {',
      '  Get-ExchangeCertificate | Enable-ExchangeCertificate -Services IIS -ErrorAction Stop',
      '  "not reached"',
      '} catch {',
      '  "caught: $($_.Exception.Message) | line $($_.InvocationInfo.ScriptLineNumber)"',
      '} finally { "finally" }',
      '"after"',
    ].join('\n');
    const { result } = await run(script, '5.1', {}, failingEnable);
    expect(result.output).toEqual([
      'caught: A special Rpc error occurs on server AMS-EXCH01: boom | line 2',
      'finally',
      'after',
    ]);
    expect(result.errors).toEqual([]);
    expect(result.terminated).toBeNull();
  });

  it('an uncaught -ErrorAction Stop error ends the script', async () => {
    const { result } = await run('Get-Content C:\\missing.txt -ErrorAction Stop\n"never"', '7');
    expect(result.terminated).toMatchObject({
      message: "Cannot find path 'C:\\missing.txt' because it does not exist.",
      category: 'ObjectNotFound',
      fullyQualifiedErrorId: 'PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand',
      terminating: true,
      line: 1,
    });
    expect(result.statements).toHaveLength(1);
    expect(result.output).toEqual([]);
  });

  it('$ErrorActionPreference = Stop stops at the first error, SilentlyContinue hides but keeps it in $Error', async () => {
    const stop = await run("$ErrorActionPreference = 'Stop'\nGet-Content C:\\nope\n'never'", '5.1');
    expect(stop.result.terminated?.message).toBe("Cannot find path 'C:\\nope' because it does not exist.");
    const quiet = await run(
      '$ErrorActionPreference = \'SilentlyContinue\'\nGet-Content C:\\nope\n"$? $($Error.Count) $($Error[0].FullyQualifiedErrorId)"\nGet-Foo',
      '5.1',
    );
    expect(quiet.result.errors).toEqual([]);
    expect(quiet.result.output).toEqual(['False 1 PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand']);
  });

  it('-ErrorAction SilentlyContinue adds to $Error, Ignore does not; $Error is newest first', async () => {
    const script =
      "Write-Error 'one' -ErrorAction SilentlyContinue\nWrite-Error 'two' -ErrorAction Ignore\nWrite-Error 'three'\n$Error.Count\n$Error[0].Exception.Message\n$Error[1].ToString()";
    const { result } = await run(script, '5.1');
    expect(result.output).toEqual([2, 'three', 'one']);
    expect(result.errors.map((e) => e.message)).toEqual(['three']);
    expect(result.errors[0]).toMatchObject({
      fullyQualifiedErrorId: 'Microsoft.PowerShell.Commands.WriteErrorException',
      category: 'NotSpecified',
      terminating: false,
      line: 3,
    });
  });

  it('fills -ErrorVariable', async () => {
    const { result } = await run(
      'Get-Content C:\\nope -ErrorAction SilentlyContinue -ErrorVariable ev\n$ev.Count\n$ev[0].CategoryInfo.Category',
      '5.1',
    );
    expect(result.output).toEqual([1, 'ObjectNotFound']);
  });
});

describe('statement-terminating errors', () => {
  it('a binding error fails its statement (InvalidArgument, <ErrorId>,<Cmdlet>) and the script goes on', async () => {
    const { result, env } = await run(
      'Enable-ExchangeCertificate -Thumbprint AB -Services IIS -Bogus\nGet-ExchangeCertificate -Identity x -Server y\n$?\n"next"',
      '5.1',
    );
    expect(result.statements[0]!.errors[0]).toMatchObject({
      message: "A parameter cannot be found that matches parameter name 'Bogus'.",
      category: 'InvalidArgument',
      errorId: 'NamedParameterNotFound',
      fullyQualifiedErrorId: 'NamedParameterNotFound,Enable-ExchangeCertificate',
      command: 'Enable-ExchangeCertificate',
      line: 1,
      column: 1,
    });
    expect(result.statements[1]!.errors[0]).toMatchObject({
      errorId: 'AmbiguousParameterSet',
      message: 'Parameter set cannot be resolved using the specified named parameters.',
    });
    expect(result.statements[2]!.output).toEqual([false]);
    expect(result.output).toEqual([false, 'next']);
    expect(env.exchange.calls).toEqual([]);
  });

  it('is caught inside try, with ParameterBindingException as the exception', async () => {
    const { result } = await run(
      'try { Get-Content -Bogus } catch [System.Management.Automation.ParameterBindingException] { $_.FullyQualifiedErrorId }',
      '7',
    );
    expect(result.output).toEqual(['NamedParameterNotFound,Get-Content']);
  });

  it("a null thumbprint fails binding with PowerShell's empty-string message", async () => {
    const { result } = await run(
      '$cert = $null\nEnable-ExchangeCertificate -Thumbprint $cert.Thumbprint -Services IIS',
      '5.1',
    );
    expect(result.errors[0]).toMatchObject({
      message: "Cannot bind argument to parameter 'Thumbprint' because it is an empty string.",
      category: 'InvalidData',
      fullyQualifiedErrorId: 'ParameterArgumentValidationErrorEmptyStringNotAllowed,Enable-ExchangeCertificate',
      line: 2,
    });
  });

  it('calling a method on $null fails the statement only', async () => {
    const { result } = await run('$x = $null\n$x.Trim()\n"on"', '5.1');
    expect(result.errors[0]).toMatchObject({
      message: 'You cannot call a method on a null-valued expression.',
      fullyQualifiedErrorId: 'InvokeMethodOnNull',
      line: 2,
      column: 1,
    });
    expect(result.output).toEqual(['on']);
  });
});

describe('throw, catch types, finally', () => {
  it('throw is a RuntimeException that ends the script unless caught', async () => {
    const { result } = await run('"a"\nthrow "Certificate not found"\n"b"', '5.1');
    expect(result.terminated).toMatchObject({
      message: 'Certificate not found',
      fullyQualifiedErrorId: 'Certificate not found',
      category: 'OperationStopped',
      line: 2,
      column: 1,
    });
    expect(result.output).toEqual(['a']);
  });

  it('matches catch types by exception type and falls back to a catch-all', async () => {
    const script = [
      'try { throw "x" } catch [System.Management.Automation.CommandNotFoundException] { "wrong" } catch [System.Exception] { "exception: $_" }',
      'try { Get-Nope } catch [System.Management.Automation.CommandNotFoundException] { "not found" }',
      'try { try { throw "inner" } finally { "inner finally" } } catch { "outer: $($_.Exception.Message)" }',
      'try { throw "a" } catch { try { throw } catch { "rethrown: $_" } }',
    ].join('\n');
    const { result } = await run(script, '7');
    expect(result.output).toEqual(['exception: x', 'not found', 'inner finally', 'outer: inner', 'rethrown: a']);
  });

  it('keeps output written before the error', async () => {
    const { result } = await run('try { "one"; throw "two" } catch { "three" }', '7');
    expect(result.output).toEqual(['one', 'three']);
  });
});
