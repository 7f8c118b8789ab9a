// Typed inputs whose renders are kept under fixtures/golden/<dialect>/<name>.ps1.
import { enableExchangeCertificate } from '../../src/cmdlet/enable-exchange-certificate.js';
import { exportExchangeCertificate } from '../../src/cmdlet/export-exchange-certificate.js';
import { getExchangeCertificate } from '../../src/cmdlet/get-exchange-certificate.js';
import { importExchangeCertificate } from '../../src/cmdlet/import-exchange-certificate.js';
import { newExchangeCertificate } from '../../src/cmdlet/new-exchange-certificate.js';
import { removeExchangeCertificate } from '../../src/cmdlet/remove-exchange-certificate.js';
import { script } from '../../src/cmdlet/script-builder.js';
import type { Renderable } from '../../src/dialect/render.js';
import type { RenderOptions } from '../../src/dialect/render-options.js';
import { SEED_PARAMETERS, seedRunbook } from '../../src/examples/seed-runbook.js';
import { fileBytes, secretPrompt, variable } from '../../src/node/expression.js';
import { secret } from '../../src/node/secret.js';

export interface GoldenCase {
  readonly name: string;
  readonly input: Renderable;
  /** Options per dialect directory; a dialect left out has no golden file for the case. */
  readonly options: Partial<Record<'ps2' | 'ps51' | 'ps7', RenderOptions>>;
}

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const T2 = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678';
const inline = (shell: string, exchange?: string): RenderOptions => ({
  shell,
  secrets: 'inline',
  ...(exchange ? { exchange } : {}),
});

/** The dialect directories and their shells. */
export const GOLDEN_DIALECTS = { ps2: '2.0', ps51: '5.1', ps7: '7' } as const;

export const GOLDEN_CASES: readonly GoldenCase[] = [
  {
    name: 'seed-lifecycle',
    input: seedRunbook(),
    options: { ps51: inline('5.1', '2013'), ps7: inline('7', '2013') },
  },
  {
    name: 'seed-lifecycle-client-write',
    input: seedRunbook({ ...SEED_PARAMETERS, exportStyle: 'exportToFile' }),
    options: { ps2: inline('2.0', '2010'), ps51: inline('5.1', '2019-CU14'), ps7: inline('7', 'SE') },
  },
  {
    name: 'seed-lifecycle-variable-secrets',
    input: seedRunbook({ ...SEED_PARAMETERS, exportStyle: 'exportToFile', thumbprint: variable('Cert', 'Thumbprint') }),
    options: {
      ps2: { shell: '2.0', exchange: '2010' },
      ps51: { shell: '5.1', exchange: '2016-CU23' },
      ps7: { shell: '7', exchange: '2019' },
    },
  },
  {
    name: 'self-signed-smtp',
    input: newExchangeCertificate({
      server: 'EXCH-2',
      domainName: ['mail.contoso.com', 'autodiscover.contoso.com'],
      services: 'IIS,SMTP',
      keySize: 4096,
      friendlyName: 'Contoso 2026',
      force: true,
    }),
    options: { ps2: { shell: '2.0' }, ps51: { shell: '5.1' }, ps7: { shell: '7' } },
  },
  {
    name: 'renewal-request',
    input: script().pipe(
      getExchangeCertificate({ thumbprint: T }),
      newExchangeCertificate({ generateRequest: true, privateKeyExportable: true }),
    ),
    options: { ps2: { shell: '2.0' }, ps51: { shell: '5.1' }, ps7: { shell: '7' } },
  },
  {
    name: 'remove-and-errors',
    input: script()
      .run(removeExchangeCertificate({ thumbprint: T2, confirm: false, errorAction: 'Stop' }))
      .run(
        enableExchangeCertificate({
          identity: `EXCH-1\\${T}`,
          services: ['POP', 'IMAP'],
          doNotRequireSsl: true,
          force: false,
        }),
      ),
    options: { ps51: { shell: '5.1' }, ps7: { shell: '7' } },
  },
  {
    name: 'quoting-edges',
    input: script()
      .run(
        newExchangeCertificate({
          friendlyName: "O'Brien’s ‘cert’ $(Remove-Item C:\\) `n; | & --%",
          subjectName: 'CN=a.contoso.com, O="Contoso, Ltd."',
        }),
      )
      .run(newExchangeCertificate({ friendlyName: '--%' }))
      .run(newExchangeCertificate({ friendlyName: 'line1\nline2\ttab\u0000nul' }))
      .run(newExchangeCertificate({ friendlyName: 'lone \ud800 surrogate and \ud83d\ude00 pair' }))
      .run(newExchangeCertificate({ friendlyName: '1E5' }))
      .run(newExchangeCertificate({ friendlyName: '' })),
    options: { ps2: { shell: '2.0' }, ps51: { shell: '5.1' }, ps7: { shell: '7' } },
  },
  {
    name: 'ascii-quoting',
    input: newExchangeCertificate({
      friendlyName: 'Zürich “main” cert',
      subjectName: 'CN=zurich.contoso.com, O=Müller AG',
    }),
    options: { ps51: { shell: '5.1', quoting: 'ascii' }, ps7: { shell: '7', quoting: 'ascii' } },
  },
  {
    name: 'secrets-prompt-and-dotnet-bytes',
    input: script()
      .run(
        importExchangeCertificate({
          server: 'EXCH-3',
          fileData: fileBytes('\\\\fs01\\certs\\mail.pfx'),
          password: secret('S3cr3t!', { name: 'PfxPassword' }),
          privateKeyExportable: true,
        }),
      )
      .run(
        importExchangeCertificate({
          server: 'EXCH-4',
          fileData: fileBytes('\\\\fs01\\certs\\mail.pfx'),
          password: secretPrompt('PFX password'),
        }),
      ),
    options: {
      ps51: { shell: '5.1', secrets: 'prompt', bytes: 'dotnet' },
      ps7: { shell: '7', secrets: 'variable', bytes: 'dotnet' },
    },
  },
  {
    name: 'export-request-text',
    input: script()
      .assign('Request', exportExchangeCertificate({ thumbprint: T2 }))
      .writeFile('C:\\certs\\renew.req', variable('Request')),
    options: { ps2: { shell: '2.0' }, ps51: { shell: '5.1' }, ps7: { shell: '7' } },
  },
];
