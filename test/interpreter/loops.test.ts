// for, while, do/while, do/until and labelled break/continue (expected outputs as real pwsh 7.6 prints them).
import { describe, expect, it } from '@jest/globals';
import { toStr } from '../../src/runtime/ps-values.js';
import { run } from './support.js';

async function outputs(script: string): Promise<string[]> {
  const { result } = await run(script, '7');
  expect(result.terminated).toBeNull();
  return result.output.map((o) => toStr(o));
}

describe('loops', () => {
  it('runs for loops with initializer, condition and iterator', async () => {
    expect(await outputs('for ($i = 0; $i -lt 3; $i++) { $i }')).toEqual(['0', '1', '2']);
    expect(await outputs('$n = 0\nfor (;;) { $n++; if ($n -ge 4) { break } }\n$n')).toEqual(['4']);
  });

  it('runs while, do/while (at least once) and do/until', async () => {
    expect(await outputs('$i = 3\nwhile ($i -gt 0) { $i; $i-- }')).toEqual(['3', '2', '1']);
    expect(await outputs('$i = 10\ndo { "once" } while ($i -lt 3)')).toEqual(['once']);
    expect(await outputs('$i = 0\ndo { $i++ } while ($i -lt 3)\n$i')).toEqual(['3']);
    expect(await outputs('$i = 0\ndo { $i++ } until ($i -ge 5)\n$i')).toEqual(['5']);
  });

  it('continues and breaks, with labels reaching an outer loop', async () => {
    expect(await outputs('foreach ($i in 1..5) { if ($i -eq 2) { continue }; if ($i -eq 4) { break }; $i }')).toEqual([
      '1',
      '3',
    ]);
    expect(
      await outputs(
        ':outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { continue outer }; "$i$j" } }',
      ),
    ).toEqual(['11', '21', '31']);
    expect(
      await outputs(':outer while ($true) { for ($k = 0; $k -lt 5; $k++) { if ($k -eq 1) { break outer } } }\n$k'),
    ).toEqual(['1']);
  });
});
