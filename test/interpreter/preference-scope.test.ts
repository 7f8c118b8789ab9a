import { describe, expect, it } from '@jest/globals';
import { createInterpreterSession } from '../../src/interpreter/index.js';
import { exchangeError, fakeCertificate, makeEnv, run } from './support.js';
import type { FakeExchange } from './support.js';

/** Enable fails with an Exchange RPC error (non-terminating, as the EMS writes it). */
function failingEnable(env: { exchange: FakeExchange }): void {
  env.exchange.handler = (call) => {
    if (call.cmdlet === 'Get-ExchangeCertificate')
      return { output: [fakeCertificate('A'.repeat(40), 'CN=a')], errors: [], warnings: [] };
    if (call.cmdlet === 'Enable-ExchangeCertificate') {
      return {
        output: [],
        errors: [exchangeError(call, 'A special Rpc error occurs on server AMS-EXCH01: boom')],
        warnings: [],
      };
    }
    return { output: [], errors: [], warnings: [] };
  };
}

const TRY = [
  'try {',
  '  Enable-ExchangeCertificate -Thumbprint AAAA -Services IIS',
  '  "went on"',
  '} catch { "caught" }',
].join('\n');

// The EMS cmdlets are implicit-remoting proxy functions in a module: they see only the global preference
// (PowerShell issue #4568, PowerShell-Docs #1583; docs/reference/ERRORS.md).
describe('$ErrorActionPreference and the Exchange cmdlets', () => {
  it('a script-level Stop does not reach them: the error is written, the script goes on, catch does not run', async () => {
    const { result } = await run(`$ErrorActionPreference = 'Stop'\n${TRY}\n"after"`, '5.1', {}, failingEnable);
    expect(result.output).toEqual(['went on', 'after']);
    expect(result.errors.map((e) => [e.command, e.terminating])).toEqual([['Enable-ExchangeCertificate', false]]);
    expect(result.terminated).toBeNull();
  });

  it('a script-level SilentlyContinue does not hide their errors either', async () => {
    const { result } = await run(
      "$ErrorActionPreference = 'SilentlyContinue'\nEnable-ExchangeCertificate -Thumbprint AAAA -Services IIS",
      '5.1',
      {},
      failingEnable,
    );
    expect(result.errors).toHaveLength(1);
  });

  it('built-in cmdlets in the same script do see it', async () => {
    const { result } = await run(
      `$ErrorActionPreference = 'Stop'\ntry { Get-Content C:\\nope; "went on" } catch { "caught" }`,
      '5.1',
    );
    expect(result.output).toEqual(['caught']);
  });

  it('-ErrorAction Stop on the call and $global:ErrorActionPreference do reach them', async () => {
    const call = await run(TRY.replace('-Services IIS', '-Services IIS -ErrorAction Stop'), '5.1', {}, failingEnable);
    expect(call.result.output).toEqual(['caught']);
    const global = await run(`$global:ErrorActionPreference = 'Stop'\n${TRY}`, '5.1', {}, failingEnable);
    expect(global.result.output).toEqual(['caught']);
  });

  it('typed at the shell prompt (global scope) the preference reaches them', async () => {
    const env = makeEnv('5.1');
    failingEnable(env);
    const session = createInterpreterSession(env);
    await session.run("$ErrorActionPreference = 'Stop'");
    const r = await session.run(TRY);
    expect(r.output).toEqual(['caught']);
  });
});
