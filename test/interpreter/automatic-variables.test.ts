import { describe, expect, it } from '@jest/globals';
import { run } from './support.js';

// $env:COMPUTERNAME is the connected server; $PSScriptRoot / $PSCommandPath are those of the running script file (issue 10).
describe('automatic variables of the session and the script', () => {
  it('$env:COMPUTERNAME is the connected server unless the host sets it', async () => {
    expect((await run('$env:COMPUTERNAME')).result.output).toEqual(['AMS-EXCH01']);
    expect(
      (await run('$env:COMPUTERNAME', '5.1', { environment: { COMPUTERNAME: 'ADMIN-PC' } })).result.output,
    ).toEqual(['ADMIN-PC']);
  });

  it('$PSScriptRoot and $PSCommandPath name the script file; empty (and $null on 2.0) without one', async () => {
    const script = '$PSScriptRoot\n$PSCommandPath';
    const file = await run(script, '5.1', { scriptPath: 'C:\\Scripts\\renew.ps1' });
    expect(file.result.output).toEqual(['C:\\Scripts', 'C:\\Scripts\\renew.ps1']);
    expect(file.result.variables.has('PSScriptRoot')).toBe(false);
    expect((await run(`"[$($PSScriptRoot)]"`, '5.1', { scope: 'global' })).result.output).toEqual(['[]']);
  });
});
