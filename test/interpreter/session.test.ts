import { describe, expect, it } from '@jest/globals';
import { createInterpreterSession, interpret } from '../../src/interpreter/index.js';
import { parse } from '../../src/parser/index.js';
import { Secret, secret } from '../../src/node/secret.js';
import { THUMB, makeEnv } from './support.js';

describe('createInterpreterSession', () => {
  it('keeps variables, $Error and preferences between runs', async () => {
    const session = createInterpreterSession(makeEnv('5.1'));
    await session.run('$cert = Import-ExchangeCertificate -FileData ([byte[]](1,2))');
    await session.run("Get-Content C:\\nope\n$ErrorActionPreference = 'SilentlyContinue'");
    const r = await session.run('$cert.Thumbprint\n$Error.Count\nGet-Content C:\\nope2\n$Error.Count');
    expect(r.output).toEqual([THUMB, 1, 2]);
    expect(r.errors).toEqual([]);
    expect(session.variables.get('Cert')).toMatchObject({ Thumbprint: THUMB });
    expect(session.variables.has('error')).toBe(false);
  });

  it('uses preset variables (secrets the backend fills) without them appearing in the text', async () => {
    const env = makeEnv('5.1', { variables: { ExchcertPassword: secret('Pass1word') } });
    const r = await interpret(
      'Export-ExchangeCertificate -Thumbprint AB -BinaryEncoded -Password $ExchcertPassword',
      env,
    );
    expect(r.errors).toEqual([]);
    const pw = env.exchange.calls[0]!.parameters.password;
    expect(pw).toBeInstanceOf(Secret);
    expect((pw as Secret).reveal()).toBe('Pass1word');
    expect(r.statements[0]!.text).toBe(
      'Export-ExchangeCertificate -Thumbprint AB -BinaryEncoded -Password $ExchcertPassword',
    );
  });

  it('runs a parsed AST', async () => {
    const r = await interpret(parse('1 + 1'), makeEnv('7'));
    expect(r.output).toEqual([2]);
  });

  it('stops the script at top-level return and break', async () => {
    expect((await interpret('"a"\nreturn "b"\n"c"', makeEnv('7'))).output).toEqual(['a', 'b']);
    expect((await interpret('"a"\n1..3 | ForEach-Object { break }\n"c"', makeEnv('7'))).output).toEqual(['a']);
  });
});
