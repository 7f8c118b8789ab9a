import { describe, expect, test } from '@jest/globals';
import { exportExchangeCertificate, render, script, variable } from '../../src/index.js';
import {
  binaryExport,
  exportsOnServer,
  fileDataOf,
  serverSideExport,
  writeAllBytesCall,
} from '../../src/idiom/pfx-to-file.js';
import { parseExchangeTarget } from '../../src/spec/exchange-target.js';

const T = '5113AE0233A72FCCB75D3E2BE0A0FD4A9C83B3C5';

describe('the PFX-to-a-file idiom', () => {
  const exp = exportExchangeCertificate({ thumbprint: T, password: variable('pw') });

  test('the server writes the file where the target has -FileName, else the client writes .FileData', () => {
    expect(exportsOnServer('Export-ExchangeCertificate', parseExchangeTarget('2013'))).toBe(true);
    expect(exportsOnServer('Export-ExchangeCertificate', parseExchangeTarget('2019-CU14'))).toBe(false);
    expect(exportsOnServer('Export-ExchangeCertificate', undefined)).toBe(false);
    expect(serverSideExport(exp, 'C:\\a.pfx').parameters).toMatchObject({ fileName: 'C:\\a.pfx', binaryEncoded: true });
    expect(binaryExport(exp).parameters).not.toHaveProperty('fileName');
    expect(fileDataOf('R')).toEqual({ kind: 'variable', name: 'R', path: ['FileData'] });
  });

  test('exportToFile renders through the idiom', () => {
    const s = script().exportToFile(exp, 'C:\\a.pfx', { variable: 'R' });
    expect(render(s, { shell: '5.1', exchange: '2019-CU14' }).split('\n')[1]).toBe(
      writeAllBytesCall("'C:\\a.pfx'", '$R.FileData'),
    );
    expect(render(s, { shell: '5.1', exchange: '2013' })).toContain("-FileName 'C:\\a.pfx' -BinaryEncoded");
  });
});
