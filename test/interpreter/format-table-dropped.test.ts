import { describe, expect, it } from '@jest/globals';
import { run } from './support.js';

const WIDE = "[pscustomobject]@{ A = 'x' * 50; B = 'y' * 50; C = 'z' * 50; D = 1 } | Format-Table -AutoSize";

// Windows PowerShell warns when Format-Table drops columns that do not fit the console (issue 10); pwsh 7.6.9 drops
// them silently (checked: no warning on any stream).
describe('Format-Table with more columns than fit', () => {
  it('warns "N columns do not fit into the display and were removed." on Windows PowerShell', async () => {
    const { result } = await run(WIDE, '5.1');
    expect(result.statements[0]!.warnings).toEqual(['2 columns do not fit into the display and were removed.']);
    expect((await run(WIDE, '2.0')).result.statements[0]!.warnings).toHaveLength(1);
  });

  it('stays silent on PowerShell 7 and when everything fits', async () => {
    expect((await run(WIDE, '7')).result.statements[0]!.warnings).toEqual([]);
    expect(
      (await run('[pscustomobject]@{ A = 1; B = 2 } | Format-Table', '5.1')).result.statements[0]!.warnings,
    ).toEqual([]);
  });
});
