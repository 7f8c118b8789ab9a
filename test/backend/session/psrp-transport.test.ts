// The PSRP transport against a peer speaking protocol 2.3 (pwsh 7.6.9 told 2.3, as Exchange's 5.1 would be): the
// Import-ExchangeCertificate -Password secret crosses as a SecureString encrypted under the exchanged session key.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapSteps } from '../../../src/backend/session/local-backend.js';
import { PsrpTransport } from '../../../src/backend/session/psrp-transport.js';
import { importExchangeCertificate } from '../../../src/cmdlet/import-exchange-certificate.js';
import { compile } from '../../../src/dialect/render.js';
import { fileBytes } from '../../../src/node/expression.js';
import { secret } from '../../../src/node/secret.js';
import { describeWithPwsh, pwshPath } from '../../support/pwsh.js';
import { writeStubModules } from './stub-modules.js';

const PASSWORD = 'Pfx-Secret-2.3-Zoë!';

describeWithPwsh('PsrpTransport over protocol 2.3 (session key exchange)', () => {
  let dir: string;
  let transport: PsrpTransport;
  const log: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'exchcert-psrp23-'));
    transport = new PsrpTransport({
      pwsh: pwshPath()!,
      protocolVersion: '2.3',
      bootstrap: bootstrapSteps('', writeStubModules(dir), undefined),
      log: (l) => log.push(l),
    });
  });
  afterAll(async () => {
    await transport?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives Import-ExchangeCertificate -Password the SecureString', async () => {
    const pfx = join(dir, 'in.pfx');
    writeFileSync(pfx, Buffer.from([0x30, 0x82, 0x01, 0x02]));
    const compiled = compile(
      importExchangeCertificate({ fileData: fileBytes(pfx), password: secret(PASSWORD), server: 'AMS-EXCH01' }),
      { shell: '7' },
    );
    expect(compiled.text).not.toContain(PASSWORD);
    const r = await transport.invoke({ text: compiled.text, secrets: compiled.secretVariables });
    expect(r.errors).toEqual([]);
    const record = JSON.parse(String((await transport.invoke({ text: '$global:ExchcertRecords[-1]' })).output[0])) as {
      cmdlet: string;
      parameters: Record<string, unknown>;
    };
    expect(record).toMatchObject({
      cmdlet: 'Import-ExchangeCertificate',
      parameters: { Password: { secret: PASSWORD } },
    });
    expect(log.join('\n')).not.toContain(PASSWORD);
  }, 120_000);
});
