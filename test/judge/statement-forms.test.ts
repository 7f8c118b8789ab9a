// Statement-level renders (assignments of file bytes, client-side writes) parse in real PowerShell for any path.
import { expect, it } from '@jest/globals';
import fc from 'fast-check';
import { script } from '../../src/cmdlet/script-builder.js';
import { render } from '../../src/dialect/render.js';
import { fileBytes, variable } from '../../src/node/expression.js';
import { psString } from '../support/ps-strings.js';
import { describeWithPwsh, parseWithPwsh } from '../support/pwsh.js';

describeWithPwsh('statement-level renders in real PowerShell', () => {
  it('assignments of file bytes and file writes parse without errors and keep the path (400 paths x 3 dialects)', async () => {
    const paths = fc.sample(
      psString(8).filter((p) => p.length > 0),
      { numRuns: 400, seed: 42 },
    );
    paths.push('C:\\certs (old)\\a).pfx', 'C:\\x[1]\\y.pfx', 'C:\\{a}\\b.pfx', "C:\\it's\\x.pfx");
    const texts: string[] = [];
    for (const shell of ['2.0', '5.1', '7'] as const) {
      for (const path of paths) {
        texts.push(
          render(
            script()
              .assign('Data', fileBytes(path))
              .writeFile(path, variable('Data'), { content: 'bytes' })
              .writeFile(path, variable('Request')),
            { shell },
          ),
        );
      }
    }
    const reports = await parseWithPwsh(texts);
    const failures = reports.map((r, i) => ({ text: texts[i]!, errors: r.errors })).filter((r) => r.errors.length > 0);
    expect(failures.slice(0, 5)).toEqual([]);
    // The path each reads is the literal PowerShell sees (the first string constant of each render).
    reports.forEach((r, i) => {
      const path = paths[i % paths.length]!;
      if (!texts[i]!.includes('[char]')) expect(r.stringConstants.some((c) => c.value === path)).toBe(true);
    });
  }, 120_000);
});

describeWithPwsh('empty secrets in real PowerShell', () => {
  it('an empty inline password renders as a new SecureString that pwsh runs', async () => {
    const { runPwshBatch } = await import('../support/pwsh.js');
    const { importExchangeCertificate } = await import('../../src/cmdlet/import-exchange-certificate.js');
    const { secret } = await import('../../src/node/secret.js');
    const text = render(importExchangeCertificate({ fileData: new Uint8Array([1, 2]), password: secret('') }), {
      shell: '7',
      secrets: 'inline',
    });
    expect(text).toContain('(New-Object System.Security.SecureString)');
    const [r] = await runPwshBatch(
      'function Import-ExchangeCertificate { param([byte[]]$FileData, [securestring]$Password) "len=$($Password.Length)" }',
      [text],
    );
    expect(r!.error).toBeNull();
    expect(r!.output).toEqual(['len=0']);
  });
});
