import { describe, expect, test } from '@jest/globals';
import { bind, fileBytes, importExchangeCertificate, render } from '../../src/index.js';
import { parse } from '../../src/parser/parser.js';
import type { ExpressionAst } from '../../src/ast/ast.js';
import { dialectFor } from '../../src/dialect/dialects.js';
import {
  GET_CONTENT_AS_BYTE_STREAM,
  GET_CONTENT_ENCODING_BYTE,
  dotnetFileCall,
  fileBytesPathOf,
  isByteMode,
  readAllBytesArgument,
} from '../../src/idiom/file-bytes.js';

const PATH = 'C:\\install\\cert.cer';

/** The expression of a one-expression script. */
function expressionOf(text: string): ExpressionAst {
  const st = parse(text).statements[0]!;
  if (st.type !== 'PipelineAst' || st.pipelineElements[0]!.type !== 'CommandExpressionAst') throw new Error(text);
  return st.pipelineElements[0].expression;
}

describe('the file-bytes idiom: one module writes and recognises it', () => {
  test('each dialect uses the Get-Content byte mode its shell has', () => {
    expect(dialectFor('2.0').fileBytes).toBe(GET_CONTENT_ENCODING_BYTE);
    expect(dialectFor('5.1').fileBytes).toBe(GET_CONTENT_ENCODING_BYTE);
    expect(dialectFor('7').fileBytes).toBe(GET_CONTENT_AS_BYTE_STREAM);
    expect(GET_CONTENT_ENCODING_BYTE.encodingByte).toBe(true);
    expect(GET_CONTENT_AS_BYTE_STREAM.encodingByte).toBe(false);
  });

  test.each([
    ['2.0', {}, "[Byte[]]$(Get-Content -LiteralPath 'C:\\install\\cert.cer' -Encoding 'Byte' -ReadCount 0)"],
    ['7', {}, "[Byte[]]$(Get-Content -LiteralPath 'C:\\install\\cert.cer' -AsByteStream -Raw)"],
    ['5.1', { bytes: 'dotnet' }, "[System.IO.File]::ReadAllBytes('C:\\install\\cert.cer')"],
  ] as const)('%s %j writes the idiom, and bind reads it back as fileBytes', (shell, extra, read) => {
    const text = render(importExchangeCertificate({ fileData: fileBytes(PATH) }), { shell, ...extra });
    expect(text).toContain(read);
    const [inv] = bind(text, { shell });
    expect(inv!.parameters.fileData).toEqual(fileBytes(PATH));
  });

  test('recognition of bound Get-Content reads', () => {
    const bound = {
      cmdlet: 'Get-Content',
      parameterSet: 'LiteralPath',
      parameters: { literalPath: ['a'], asByteStream: true, raw: true },
    };
    expect(fileBytesPathOf(bound)).toBe('a');
    expect(fileBytesPathOf({ ...bound, parameters: { literalPath: ['a'], encoding: 'byte', readCount: 0 } })).toBe('a');
    expect(fileBytesPathOf({ ...bound, parameters: { literalPath: ['a'], asByteStream: true } })).toBeNull();
    expect(fileBytesPathOf({ ...bound, parameters: { ...bound.parameters, tail: 3 } })).toBeNull();
    expect(fileBytesPathOf({ ...bound, cmdlet: 'Set-Content' })).toBeNull();
    expect(isByteMode({ encoding: 'Byte' })).toBe(true);
    expect(isByteMode({ encoding: 'utf8' })).toBe(false);
  });

  test('recognition of the parsed .NET read', () => {
    const arg = readAllBytesArgument(expressionOf("[IO.File]::ReadAllBytes('x.pfx')"));
    expect(arg?.extent.text).toBe("'x.pfx'");
    expect(readAllBytesArgument(expressionOf("[System.IO.File]::ReadAllText('x.pfx')"))).toBeNull();
    expect(dotnetFileCall(expressionOf("[System.IO.File]::ReadAllText('x')"))?.method).toBe('ReadAllText');
    expect(dotnetFileCall(expressionOf("[System.IO.Path]::GetFileName('x')"))).toBeNull();
  });

  test('PowerShell 7 refuses -Encoding Byte with the hint of its own idiom', () => {
    expect(() => bind("Get-Content -LiteralPath 'a' -Encoding Byte", { shell: '7' })).toThrow(
      GET_CONTENT_AS_BYTE_STREAM.hint,
    );
    expect(() => bind("Get-Content -LiteralPath 'a' -Encoding Byte", { shell: '5.1' })).not.toThrow();
  });
});
