import { describe, expect, it } from '@jest/globals';
import { run } from './support.js';

// Select-Object -Unique with -ExpandProperty / -Property (issue 10; pwsh 7.6.9 gives 1,2 for both).
describe('Select-Object -Unique', () => {
  const objects = "$o = 1,1,2 | ForEach-Object { [pscustomobject]@{ X = $_; Y = 'a' } }\n";

  it('honours -Unique with -ExpandProperty', async () => {
    const { result } = await run(`${objects}($o | Select-Object -ExpandProperty X -Unique) -join ','`);
    expect(result.output).toEqual(['1,2']);
  });

  it('compares the selected properties with -Property', async () => {
    const { result } = await run(`${objects}($o | Select-Object X -Unique | ForEach-Object { $_.X }) -join ','`);
    expect(result.output).toEqual(['1,2']);
  });

  it('keeps comparing strings case-sensitively', async () => {
    const { result } = await run("('a','A','b' | Select-Object -Unique) -join ','");
    expect(result.output).toEqual(['a,A,b']);
  });
});
