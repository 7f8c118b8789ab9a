// AdminDisplayVersion of a simulated server (`Version 15.2 (Build 1544.4)`), from public Exchange build number lists.
import type { ServerRecord } from './org-state.js';

/** Build (major.minor) of each cumulative update, per Exchange major; `Version 15.x` is the product version. */
const BUILDS: Readonly<Record<ServerRecord['major'], { readonly version: string; readonly cu: readonly string[] }>> = {
  '2010': { version: '14.3', cu: ['123.4'] },
  '2013': {
    version: '15.0',
    cu: [
      '516.32',
      '620.29',
      '712.24',
      '775.38',
      '847.32',
      '913.22',
      '995.29',
      '1044.25',
      '1076.9',
      '1104.5',
      '1130.7',
      '1156.6',
      '1178.4',
      '1210.3',
      '1236.3',
      '1263.5',
      '1293.2',
      '1320.4',
      '1347.2',
      '1365.1',
      '1367.3',
      '1395.4',
      '1473.3',
      '1497.2',
    ],
  },
  '2016': {
    version: '15.1',
    cu: [
      '225.42',
      '396.30',
      '466.34',
      '544.27',
      '669.32',
      '845.34',
      '1034.26',
      '1261.35',
      '1415.2',
      '1466.3',
      '1531.3',
      '1591.10',
      '1713.5',
      '1779.2',
      '1847.3',
      '1913.5',
      '1979.3',
      '2044.4',
      '2106.2',
      '2176.2',
      '2242.4',
      '2308.8',
      '2375.7',
      '2507.6',
    ],
  },
  '2019': {
    version: '15.2',
    cu: [
      '221.12',
      '330.5',
      '397.3',
      '464.5',
      '529.5',
      '595.3',
      '659.4',
      '721.2',
      '792.3',
      '858.5',
      '922.7',
      '986.5',
      '1118.7',
      '1258.12',
      '1544.4',
      '1748.10',
    ],
  },
  SE: { version: '15.2', cu: ['2562.17', '2562.17'] },
};

/**
 * The AdminDisplayVersion Get-ExchangeServer shows for a server's Exchange build (index = CU; RTM is CU0).
 * @example adminDisplayVersion({ major: '2019', cu: 14 }) // 'Version 15.2 (Build 1544.4)'
 */
export function adminDisplayVersion(server: Pick<ServerRecord, 'major' | 'cu'>): string {
  const entry = BUILDS[server.major];
  const build = entry.cu[Math.min(Math.max(server.cu, 0), entry.cu.length - 1)]!;
  return `Version ${entry.version} (Build ${build})`;
}
