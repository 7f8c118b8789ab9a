// The sim shows the state's host paths as the Windows paths a runbook used.
import { describe, expect, it } from '@jest/globals';
import type { RunResult } from '../../../src/backend/backend.js';
import { windowsDisplayPaths, withWindowsDisplayPaths } from '../../../src/backend/sim/windows-display-paths.js';

describe('windowsDisplayPaths', () => {
  it('turns drive and share paths under <state>/fs back into Windows paths', () => {
    expect(windowsDisplayPaths("Could not find a part of the path '/s/st/fs/C/Reports/certs.txt'.", '/s/st')).toBe(
      "Could not find a part of the path 'C:\\Reports\\certs.txt'.",
    );
    expect(windowsDisplayPaths('at /s/st/fs/UNC/fs01/share/a.pfx now', '/s/st')).toBe('at \\\\fs01\\share\\a.pfx now');
    expect(windowsDisplayPaths("Cannot find path '/s/st/fs/C' because", '/s/st')).toBe(
      "Cannot find path 'C:\\' because",
    );
  });

  it('leaves other paths and other states alone', () => {
    expect(windowsDisplayPaths('/s/other/fs/C/x and /s/st/file', '/s/st')).toBe('/s/other/fs/C/x and /s/st/file');
  });

  it('maps output strings, error messages and warnings of a result, not dates or bytes', () => {
    const when = new Date(0);
    const result = {
      backend: 'sim',
      target: null,
      ok: false,
      text: '',
      displayText: '',
      durationMs: 1,
      output: ['/st/fs/C/a.txt', { Path: '/st/fs/D/b', When: when }],
      errors: [],
      statements: [
        {
          line: 1,
          text: '',
          output: [],
          warnings: ['see /st/fs/C/w'],
          errors: [
            {
              message: "'/st/fs/C/Logs' is missing",
              category: 'ObjectNotFound',
              errorId: 'X',
              fullyQualifiedErrorId: 'X',
              command: null,
              terminating: false,
              line: 1,
              column: 1,
            },
          ],
        },
      ],
    } as RunResult;
    const mapped = withWindowsDisplayPaths(result, '/st');
    expect(mapped.output).toEqual(['C:\\a.txt', { Path: 'D:\\b', When: when }]);
    expect(mapped.statements[0]!.warnings).toEqual(['see C:\\w']);
    expect(mapped.statements[0]!.errors[0]!.message).toBe("'C:\\Logs' is missing");
  });
});
