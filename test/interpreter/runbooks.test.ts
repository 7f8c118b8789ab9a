// The admin runbooks of fixtures/runbooks/ (those with a .expected.txt) run on the simulated organization and print
// exactly their expected output. UPDATE_RUNBOOKS=1 rewrites the expected files (review the diff).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { serverTarget } from '../../src/engine/org-state.js';
import { formatForHost } from '../../src/format/format-output.js';
import { interpret } from '../../src/interpreter/index.js';
import { BASE_TIME, scriptedAnswers, testOrg } from '../engine/support/test-org.js';

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'runbooks');
const runbooks = readdirSync(folder).filter(
  (f) => f.endsWith('.ps1') && readdirSync(folder).includes(f.replace(/\.ps1$/, '.expected.txt')),
);

/** The answers a runbook's `# Answers: N, Y` header gives its prompts, in order (none: nobody answers). */
function answersOf(source: string): ('Y' | 'A' | 'N' | 'L')[] {
  const m = /^# Answers: (.+)$/m.exec(source);
  return m ? (m[1]!.split(/\s*,\s*/) as ('Y' | 'A' | 'N' | 'L')[]) : [];
}

/**
 * What the console shows per top-level statement: host text (Write-Host, VERBOSE:) as it is written, then the
 * statement's warnings, its output, then its errors (message only), as `exchcert run` prints them. A runbook whose
 * prompts an admin answers at the console says so in an `# Answers:` line.
 */
async function runbookText(file: string): Promise<string> {
  const org = await testOrg();
  const source = readFileSync(join(folder, file), 'utf8');
  const server = org.store.read((tx) => tx.getServer('AMS-EXCH01'))!;
  const lines: string[] = [];
  const result = await interpret(source, {
    exchange: org.exchange,
    fs: org.fs,
    shell: '5.1',
    connectedServer: 'AMS-EXCH01',
    exchangeTarget: serverTarget(server),
    answers: scriptedAnswers(answersOf(source), []),
    now: () => new Date(BASE_TIME.getTime() + 3_600_000),
    scriptPath: `C:\\Scripts\\${file}`,
    host: {
      write: (text) => lines.push(text.replace(/\n$/, '')),
      statementDone: (s) => {
        for (const w of s.warnings) lines.push(`WARNING: ${w}`);
        if (s.output.length > 0) lines.push(formatForHost(s.output, '5.1').replace(/\n$/, ''));
        for (const e of s.errors) lines.push(`ERROR: ${e.message}`);
      },
    },
  });
  for (const e of result.errors)
    if (!result.statements.some((s) => s.errors.includes(e))) lines.push(`ERROR: ${e.message}`);
  return `${lines.join('\n')}\n`;
}

describe('admin runbooks (fixtures/runbooks)', () => {
  it('has runbooks with expected output', () => {
    expect(runbooks.length).toBeGreaterThanOrEqual(53);
  });

  for (const file of runbooks) {
    it(file, async () => {
      const text = await runbookText(file);
      const expectedFile = join(folder, file.replace(/\.ps1$/, '.expected.txt'));
      if (process.env.UPDATE_RUNBOOKS === '1') writeFileSync(expectedFile, text);
      expect(text).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
