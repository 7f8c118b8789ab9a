// Type-level tests of the six builders' option types (checked by `npm run typecheck`: a wrong option type that
// compiles makes its @ts-expect-error unused, which fails the typecheck; the runtime assertions only keep jest happy).
import { expect, test } from '@jest/globals';
import { expectTypeOf } from 'expect-type';
import {
  enableExchangeCertificate,
  exportExchangeCertificate,
  fileBytes,
  getExchangeCertificate,
  importExchangeCertificate,
  newExchangeCertificate,
  pipelineInput,
  removeExchangeCertificate,
  secret,
  secretPrompt,
  variable,
} from '../../src/index.js';
import type {
  EnableExchangeCertificateOptions,
  ExportExchangeCertificateOptions,
  FileBytesExpression,
  GetExchangeCertificateOptions,
  ImportExchangeCertificateOptions,
  NewExchangeCertificateOptions,
  PipelineInputExpression,
  RemoveExchangeCertificateOptions,
  Secret,
  SecretPromptExpression,
} from '../../src/index.js';

const T = '5113AE0233A72FCCB75D3E2BE0A0FD4A9C83B3C5';

test('each builder takes its own options type', () => {
  expectTypeOf(newExchangeCertificate).parameter(0).toEqualTypeOf<NewExchangeCertificateOptions | undefined>();
  expectTypeOf(importExchangeCertificate).parameter(0).toEqualTypeOf<ImportExchangeCertificateOptions | undefined>();
  expectTypeOf(enableExchangeCertificate).parameter(0).toEqualTypeOf<EnableExchangeCertificateOptions | undefined>();
  expectTypeOf(exportExchangeCertificate).parameter(0).toEqualTypeOf<ExportExchangeCertificateOptions | undefined>();
  expectTypeOf(getExchangeCertificate).parameter(0).toEqualTypeOf<GetExchangeCertificateOptions | undefined>();
  expectTypeOf(removeExchangeCertificate).parameter(0).toEqualTypeOf<RemoveExchangeCertificateOptions | undefined>();
  expect(true).toBe(true);
});

test('PowerShell types map to TypeScript option types', () => {
  expectTypeOf<NonNullable<ImportExchangeCertificateOptions['fileData']>>()
    .extract<Uint8Array>()
    .toEqualTypeOf<Uint8Array>();
  expectTypeOf<FileBytesExpression>().toExtend<NonNullable<ImportExchangeCertificateOptions['fileData']>>();
  expectTypeOf<string>().not.toExtend<NonNullable<ImportExchangeCertificateOptions['fileData']>>();
  expectTypeOf<Secret>().toExtend<NonNullable<ExportExchangeCertificateOptions['password']>>();
  expectTypeOf<SecretPromptExpression>().toExtend<NonNullable<ExportExchangeCertificateOptions['password']>>();
  expectTypeOf<string>().not.toExtend<NonNullable<ExportExchangeCertificateOptions['password']>>();
  expectTypeOf<NonNullable<RemoveExchangeCertificateOptions['confirm']>>().extract<boolean>().toEqualTypeOf<boolean>();
  expectTypeOf<NonNullable<GetExchangeCertificateOptions['server']>>().extract<number>().toBeNever();
  expect(true).toBe(true);
});

test('pipeline input only where the table says the parameter takes it', () => {
  expectTypeOf<PipelineInputExpression>().toExtend<NonNullable<EnableExchangeCertificateOptions['thumbprint']>>();
  expectTypeOf<PipelineInputExpression>().not.toExtend<NonNullable<NewExchangeCertificateOptions['subjectName']>>();
  expect(enableExchangeCertificate({ thumbprint: pipelineInput(), services: 'SMTP' })).toBeDefined();
});

test('a wrong option type does not compile', () => {
  const wrong = [
    // @ts-expect-error -KeySize is an Int32, not text
    () => newExchangeCertificate({ keySize: '2048' }),
    // @ts-expect-error a password is a Secret, a prompt or a variable, never a plain string
    () => exportExchangeCertificate({ thumbprint: T, password: 'Pass1word' }),
    // @ts-expect-error -FileData takes bytes, not a path (use fileBytes(path))
    () => importExchangeCertificate({ fileData: 'C:\\cert.cer' }),
    // @ts-expect-error -Thumbprint is text
    () => getExchangeCertificate({ thumbprint: 42 }),
    // @ts-expect-error -Confirm is a switch
    () => removeExchangeCertificate({ thumbprint: T, confirm: 'yes' }),
    // @ts-expect-error no such option (PowerShell's name, not the camelCase option)
    () => enableExchangeCertificate({ Thumbprint: T, services: 'SMTP' }),
    // @ts-expect-error -SubjectName takes no pipeline input
    () => newExchangeCertificate({ subjectName: pipelineInput() }),
  ];
  const right = [
    newExchangeCertificate({ keySize: 2048, subjectName: 'CN=mail.contoso.com', generateRequest: true }),
    exportExchangeCertificate({ thumbprint: T, password: secret('x') }),
    exportExchangeCertificate({ thumbprint: T, password: secretPrompt('pfx') }),
    importExchangeCertificate({ fileData: fileBytes('C:\\cert.cer'), password: variable('pw') }),
    removeExchangeCertificate({ thumbprint: T, confirm: false }),
  ];
  expect(wrong).toHaveLength(7);
  expect(right).toHaveLength(5);
});
