import { describe, expect, it } from '@jest/globals';
import { Secret } from '../../src/node/secret.js';
import { run } from './support.js';

const ENCODING_BYTE_7 =
  "Cannot process argument transformation on parameter 'Encoding'. 'Byte' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')";
const NEEDS_FORCE =
  'The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.';
const file = (env: { fs: { writeFile(p: string, d: Uint8Array): void } }) =>
  env.fs.writeFile('C:\\in\\a.cer', new Uint8Array([1, 2, 3]));

describe('reading bytes per dialect', () => {
  it('fails -Encoding Byte on PowerShell 7 with the exact binder text, and the script goes on', async () => {
    const { result, env } = await run(
      '$d = Get-Content -Path C:\\in\\a.cer -Encoding Byte -ReadCount 0\nImport-ExchangeCertificate -FileData $d\n"next"',
      '7',
      {},
      file,
    );
    expect(result.terminated).toBeNull();
    const err = result.statements[0]!.errors[0]!;
    expect(err).toMatchObject({
      message: ENCODING_BYTE_7,
      category: 'InvalidArgument',
      errorId: 'ParameterArgumentTransformationError',
      fullyQualifiedErrorId: 'ParameterArgumentTransformationError,Get-Content',
      command: 'Get-Content',
      terminating: true,
      line: 1,
      column: 6,
    });
    // $d stayed $null, so Import's mandatory -FileData refuses it.
    expect(result.statements[1]!.errors[0]!.message).toBe(
      "Cannot bind argument to parameter 'FileData' because it is null.",
    );
    expect(env.exchange.calls).toEqual([]);
    expect(result.output).toEqual(['next']);
  });

  it('also refuses a computed Byte encoding on 7, echoing the value as pwsh does', async () => {
    const { result } = await run(
      '$e = "Byte"\nGet-Content C:\\in\\a.cer -Encoding $e\n$e = "bYte"\nGet-Content C:\\in\\a.cer -Encoding $e',
      '7',
      {},
      file,
    );
    expect(result.errors[0]!.message).toBe(ENCODING_BYTE_7);
    expect(result.errors[1]!.message).toBe(ENCODING_BYTE_7.replace("'Byte'", "'bYte'"));
  });

  it('reports -AsByteStream on 5.1 as an unknown parameter', async () => {
    const { result } = await run('Get-Content C:\\in\\a.cer -AsByteStream -Raw', '5.1', {}, file);
    expect(result.errors[0]).toMatchObject({
      message: "A parameter cannot be found that matches parameter name 'AsByteStream'.",
      fullyQualifiedErrorId: 'NamedParameterNotFound,Get-Content',
      category: 'InvalidArgument',
    });
  });

  it('gives bytes one object per byte, one object[] with -ReadCount 0, a byte[] with -Raw', async () => {
    const script =
      '@(Get-Content C:\\in\\a.cer -Encoding Byte).Count\n@(Get-Content C:\\in\\a.cer -Encoding Byte -ReadCount 0).Count\n(Get-Content C:\\in\\a.cer -Encoding Byte -Raw).GetType().FullName\n(Get-Content C:\\in\\a.cer -Encoding Byte -ReadCount 0).GetType().FullName';
    const { result } = await run(script, '5.1', {}, file);
    expect(result.output).toEqual([3, 1, 'System.Byte[]', 'System.Object[]']);
  });

  it('has no -Raw on 2.0', async () => {
    const { result } = await run('Get-Content C:\\in\\a.cer -Encoding Byte -Raw', '2.0', {}, file);
    expect(result.errors[0]!.message).toBe("A parameter cannot be found that matches parameter name 'Raw'.");
  });
});

describe('ConvertTo-SecureString -AsPlainText', () => {
  it('needs -Force on 5.1 (and 2.0): a statement-terminating error with ERRORS.md §13 text', async () => {
    for (const shell of ['5.1', '2.0'] as const) {
      const { result, env } = await run(
        "Export-ExchangeCertificate -Thumbprint AB -BinaryEncoded -Password (ConvertTo-SecureString -String 'pw' -AsPlainText)\n'after'",
        shell,
      );
      expect(result.statements[0]!.errors[0]).toMatchObject({
        message: NEEDS_FORCE,
        category: 'InvalidArgument',
        fullyQualifiedErrorId:
          'ImportSecureString_InvalidArgument,Microsoft.PowerShell.Commands.ConvertToSecureStringCommand',
      });
      expect(env.exchange.calls).toEqual([]);
      expect(result.output).toEqual(['after']);
    }
  });

  it('is fine without -Force on 7', async () => {
    const { result } = await run("ConvertTo-SecureString 'pw' -AsPlainText", '7');
    expect(result.output[0]).toBeInstanceOf(Secret);
    expect((result.output[0] as Secret).reveal()).toBe('pw');
  });
});

describe('other shell differences', () => {
  it('words CommandNotFoundException per shell', async () => {
    const seven = await run('iisreset', '7');
    expect(seven.result.errors[0]).toMatchObject({
      message:
        "The term 'iisreset' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.",
      category: 'ObjectNotFound',
      fullyQualifiedErrorId: 'CommandNotFoundException',
    });
    const five = await run('iisreset', '5.1');
    expect(five.result.errors[0]!.message).toBe(
      "The term 'iisreset' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    );
  });

  it('has no simplified Where-Object, member enumeration or $PSItem on 2.0', async () => {
    const { result } = await run(
      '$c = @(Get-ExchangeCertificate)\n$c | Where-Object Thumbprint -ne "x"\n$c.Thumbprint\n$c | Where-Object { $PSItem }',
      '2.0',
    );
    expect(result.statements[1]!.errors[0]!.message).toBe(
      "A parameter cannot be found that matches parameter name 'ne'.",
    );
    expect(result.statements[2]!.output).toEqual([null]);
    expect(result.statements[3]!.output).toEqual([]);
  });

  it('iterates foreach over $null once on 2.0 only', async () => {
    expect((await run('foreach ($x in $null) { "i" }', '2.0')).result.output).toEqual(['i']);
    expect((await run('foreach ($x in $null) { "i" }', '5.1')).result.output).toEqual([]);
  });

  it('splits strings with String.Split(char[]) on 5.1 and Split(string) on 7', async () => {
    expect((await run("'a--b'.Split('--')", '5.1')).result.output).toEqual(['a', '', 'b']);
    expect((await run("'a--b'.Split('--')", '7')).result.output).toEqual(['a', 'b']);
  });

  it('reports the shell in $PSVersionTable', async () => {
    expect((await run('$PSVersionTable.PSVersion.Major; $PSVersionTable.PSEdition', '7')).result.output).toEqual([
      7,
      'Core',
    ]);
    expect((await run('"$($PSVersionTable.PSVersion)"', '5.1')).result.output).toEqual(['5.1.17763.1']);
  });
});
