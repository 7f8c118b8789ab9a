// Exchange's AdminDisplayVersion (`Version 15.2 (Build 1544.4)`) as the Exchange target exchcert renders for.
import { parseExchangeTarget } from '../../spec/exchange-target.js';
import type { ExchangeTarget } from '../../spec/exchange-target.js';
import type { ShellVersion } from '../../spec/shell-version.js';

// First build of each cumulative update that changes what exchcert renders, newest first per major (public build
// lists).
const BUILDS: readonly {
  readonly major: string;
  readonly minor: number;
  readonly build: number;
  readonly target: string;
}[] = [
  { major: 'SE', minor: 2, build: 2562, target: 'SE' },
  { major: '2019', minor: 2, build: 1544, target: '2019-CU14' },
  { major: '2019', minor: 2, build: 1258, target: '2019-CU13' },
  { major: '2019', minor: 2, build: 1118, target: '2019-CU12' },
  { major: '2019', minor: 2, build: 986, target: '2019-CU11' },
  { major: '2019', minor: 2, build: 922, target: '2019-CU10' },
  { major: '2019', minor: 2, build: 0, target: '2019-CU1' },
  { major: '2016', minor: 1, build: 2507, target: '2016-CU23' },
  { major: '2016', minor: 1, build: 2375, target: '2016-CU22' },
  { major: '2016', minor: 1, build: 2308, target: '2016-CU21' },
  { major: '2016', minor: 1, build: 0, target: '2016-CU1' },
  { major: '2013', minor: 0, build: 0, target: '2013' },
];

/**
 * The Exchange target of an AdminDisplayVersion text; undefined when it is not one.
 * @example exchangeTargetOfBuild('Version 15.1 (Build 2507.6)')?.label // '2016-CU23'
 */
export function exchangeTargetOfBuild(text: string | null | undefined): ExchangeTarget | undefined {
  const m = /Version\s+(\d+)\.(\d+)\s+\(Build\s+(\d+)\./i.exec(text ?? '');
  if (!m) return undefined;
  const [major, minor, build] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (major === 14) return parseExchangeTarget('2010');
  if (major !== 15) return undefined;
  const row = BUILDS.find((b) => b.minor === minor && build >= b.build);
  return row ? parseExchangeTarget(row.target) : undefined;
}

/**
 * The dialect of a $PSVersionTable.PSVersion text.
 * @example shellOfVersion('5.1.17763.316') // '5.1'
 */
export function shellOfVersion(version: string): ShellVersion {
  const major = Number(version.split('.')[0]);
  if (major >= 6) return '7';
  if (major <= 2) return '2.0';
  return '5.1';
}
