// The sim shows the state's host paths as the Windows paths a runbook used.
import { describe, expect, it } from '@jest/globals';
import type { RunResult } from '../../../src/backend/backend.js';
import { displayPathMapper, windowsDisplayPaths } from '../../../src/backend/sim/windows-display-paths.js';

// The fields of a failed sim run the tests below do not look at.
const RUN = { backend: 'sim', target: null, ok: false, text: '', displayText: '', durationMs: 1 } as const;

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
      ...RUN,
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
    const mapped = displayPathMapper('/st').result(result);
    expect(mapped.output).toEqual(['C:\\a.txt', { Path: 'D:\\b', When: when }]);
    expect(mapped.statements[0]!.warnings).toEqual(['see C:\\w']);
    expect(mapped.statements[0]!.errors[0]!.message).toBe("'C:\\Logs' is missing");
  });

  it("keeps a statement's errors the run's errors, and a streamed statement the result's (so each is shown once)", () => {
    const error = {
      message: "Cannot find path '/st/fs/C/x' because it does not exist.",
      category: 'ObjectNotFound',
      errorId: 'PathNotFound',
      fullyQualifiedErrorId: 'PathNotFound',
      command: 'Get-Item',
      terminating: false,
      line: 1,
      column: 1,
    };
    const statement = { line: 1, text: 'Get-Item', output: [], warnings: [], errors: [error] };
    const result = {
      ...RUN,
      output: [],
      errors: [error],
      statements: [statement],
    } as RunResult;
    const map = displayPathMapper('/st');
    const streamed = map.statement(statement);
    const mapped = map.result(result);
    expect(mapped.statements[0]).toBe(streamed);
    expect(mapped.errors[0]).toBe(streamed.errors[0]);
    expect(mapped.errors[0]!.message).toBe("Cannot find path 'C:\\x' because it does not exist.");
    const once = displayPathMapper('/st').result(result);
    expect(once.errors[0]).toBe(once.statements[0]!.errors[0]);
  });
});
