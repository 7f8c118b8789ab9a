// Functions with param(), script blocks with & and ., scopes (expected outputs and errors as real pwsh 7.6 gives them).
import { describe, expect, it } from '@jest/globals';
import { toStr } from '../../src/runtime/ps-values.js';
import { run } from './support.js';

const F =
  'function f { [CmdletBinding()] param([Parameter(Mandatory)][string]$Name, [int]$Days = 30, [switch]$Force) "$Name $Days $Force" }\n';

async function outputs(script: string): Promise<string[]> {
  const { result } = await run(script, '7');
  expect(result.terminated).toBeNull();
  return result.output.map((o) => toStr(o));
}

describe('functions', () => {
  it('binds named, positional, switch and default parameters, converting to the declared type', async () => {
    expect(await outputs(`${F}f x\nf x 5 -Force\nf -Days '7' -Name y`)).toEqual([
      'x 30 False',
      'x 5 True',
      'y 7 False',
    ]);
    expect(await outputs('function h($a, $b) { "a=$a b=$b args=$args" }\nh 1 2 3 -z')).toEqual(['a=1 b=2 args=3 -z']);
  });

  it('raises the binding errors PowerShell raises', async () => {
    const cases: [string, string][] = [
      [
        'f -Name a -Days abc',
        'Cannot process argument transformation on parameter \'Days\'. Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."|ParameterArgumentTransformationError,f',
      ],
      [
        'f',
        'Cannot process command because of one or more missing mandatory parameters: Name.|MissingMandatoryParameter,f',
      ],
      ['f -Nme a', "A parameter cannot be found that matches parameter name 'Nme'.|NamedParameterNotFound,f"],
      [
        'f -Name',
        "Missing an argument for parameter 'Name'. Specify a parameter of type 'System.String' and try again.|MissingArgument,f",
      ],
      [
        'f a 1 extra',
        "A positional parameter cannot be found that accepts argument 'extra'.|PositionalParameterNotFound,f",
      ],
      [
        "function g { param([ValidateSet('IIS','SMTP')][string]$S) $S }\ng -S POP",
        'Cannot validate argument on parameter \'S\'. The argument "POP" does not belong to the set "IIS,SMTP" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.|ParameterArgumentValidationError,g',
      ],
    ];
    for (const [call, expected] of cases) {
      expect(
        await outputs(`${F}try { ${call} } catch { "$($_.Exception.Message)|$($_.FullyQualifiedErrorId)" }`),
      ).toEqual([expected]);
    }
  });

  it('returns output plus return values, and keeps locals out of the caller unless $script:', async () => {
    expect(await outputs("function r { param([int]$n) if ($n -gt 2) { return 'big' }; 'small' }\nr 1\nr 5")).toEqual([
      'small',
      'big',
    ]);
    expect(await outputs('function u { $x = 5; $script:y = 6 }\n$x = 1\nu\n"$x $y"')).toEqual(['1 6']);
    expect(await outputs('$count = 1\nfunction c { $count++; $count }\nc\n$count')).toEqual(['2', '1']);
  });

  it('takes pipeline input in process blocks and ValueFromPipeline parameters', async () => {
    expect(await outputs('function p { process { "item $_" } }\n1, 2 | p')).toEqual(['item 1', 'item 2']);
    expect(
      await outputs(
        "function q { param([Parameter(ValueFromPipeline)][string]$S) process { \"S=$S\" } }\n'a', 'b' | q",
      ),
    ).toEqual(['S=a', 'S=b']);
    expect(await outputs('function e { "n=$(@($input).Count)" }\n1, 2, 3 | e')).toEqual(['n=3']);
  });

  it('invokes script blocks with & in a child scope and with . in the current one', async () => {
    expect(
      await outputs(
        '$sb = { param($n) "hi $n"; $z = 9 }\n& $sb bob\n"z=$z"\n. $sb amy\n"z=$z"\n$r = & { 1; 2; 3 }\n$r.Count',
      ),
    ).toEqual(['hi bob', 'z=', 'hi amy', 'z=9', '3']);
  });

  it('calls script blocks held in hashtables and members, and ++ works on members and indexes', async () => {
    expect(
      await outputs(
        '$rules = [ordered]@{ a = { param($c) $c -gt 1 }; b = { param($c) $true } }\nforeach ($n in $rules.Keys) { if (& $rules[$n] 2) { $n } }',
      ),
    ).toEqual(['a', 'b']);
    expect(await outputs('$h = @{ n = 0 }\n$h.n++\n$h.n++\n$a = @(1, 2)\n$a[1]++\n"$($h.n) $($a[1])"')).toEqual([
      '2 3',
    ]);
  });

  it('gives a script param() block its defaults and -Verbose to advanced functions', async () => {
    expect(await outputs('param([string]$Server = \'EX01\', [int]$Days = 30)\n"$Server $Days"')).toEqual(['EX01 30']);
    expect(await outputs('function v { [CmdletBinding()] param() "pref=$VerbosePreference" }\nv -Verbose')).toEqual([
      'pref=Continue',
    ]);
  });
});
