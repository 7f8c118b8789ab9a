import { describe, expect, it } from '@jest/globals';
import { formatErrorRecord } from '../../src/cli/print-result.js';
import type { ErrorRecord } from '../../src/backend/backend.js';

const record = (line: number, column: number): ErrorRecord => ({
  message: "Cannot find path 'C:\\nope' because it does not exist.",
  category: 'ObjectNotFound',
  errorId: 'PathNotFound',
  fullyQualifiedErrorId: 'PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand',
  command: 'Get-Content',
  terminating: false,
  line,
  column,
  exceptionType: 'ItemNotFoundException',
});

// Windows PowerShell's console shows the source line and a ~ marker under the failing command (issue 10).
describe('formatErrorRecord', () => {
  it('shows the source line and ~ under the command, stopping at the pipe', () => {
    const text = formatErrorRecord(record(2, 6), {
      text: "'start'\n$c = Get-Content C:\\nope | Select-Object -First 1",
      line: 1,
    });
    expect(text).toBe(
      [
        "Get-Content : Cannot find path 'C:\\nope' because it does not exist.",
        'At line:2 char:6',
        '+ $c = Get-Content C:\\nope | Select-Object -First 1',
        '+      ~~~~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : ObjectNotFound: (:) [Get-Content], ItemNotFoundException',
        '    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand',
        '',
      ].join('\n'),
    );
  });

  it('stops at the brace that closes the block around the command, and keeps braces inside it', () => {
    const text = formatErrorRecord(record(1, 7), {
      text: "try { Get-Content ('C:\\' + 'nope') -ErrorAction Stop } catch { }",
      line: 1,
    });
    expect(text.split('\n').slice(2, 4)).toEqual([
      "+ try { Get-Content ('C:\\' + 'nope') -ErrorAction Stop } catch { }",
      `+       ${'~'.repeat("Get-Content ('C:\\' + 'nope') -ErrorAction Stop".length)}`,
    ]);
  });

  it('leaves the record as it was without a source', () => {
    expect(formatErrorRecord(record(1, 1))).not.toContain('~');
  });
});
