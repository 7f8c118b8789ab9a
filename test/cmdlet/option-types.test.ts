// Type-level tests of the builders' option types (checked by `npm run typecheck`; the runtime assertions are no-ops).
import { expect, test } from '@jest/globals';
import { expectTypeOf } from 'expect-type';
import type { Secret } from '../../src/index.js';
import type { CommonOptions } from '../../src/cmdlet/option-types.js';
import type {
  EnableExchangeCertificateOptions,
  ExportExchangeCertificateOptions,
  NewExchangeCertificateOptions,
} from '../../src/index.js';

test('options follow the spec tables', () => {
  expectTypeOf<NewExchangeCertificateOptions['keySize']>().extract<number>().toEqualTypeOf<number>();
  expectTypeOf<NewExchangeCertificateOptions['keySize']>().extract<string>().toBeNever();
  expectTypeOf<NewExchangeCertificateOptions>().toHaveProperty('subjectName');
  expectTypeOf<NewExchangeCertificateOptions>().not.toHaveProperty('SubjectName');
  expectTypeOf<ExportExchangeCertificateOptions['password']>().extract<Secret>().toEqualTypeOf<Secret>();
  expectTypeOf<readonly ['SMTP', 'IIS']>().toExtend<NonNullable<EnableExchangeCertificateOptions['services']>>();
  expectTypeOf<number>().not.toExtend<NonNullable<EnableExchangeCertificateOptions['services']>>();
  expect(true).toBe(true);
});

test('common options come from spec/common-parameters.ts', () => {
  expectTypeOf<CommonOptions['errorAction']>().extract<'Stop'>().toEqualTypeOf<'Stop'>();
  expectTypeOf<CommonOptions>().toHaveProperty('pipelineVariable');
  expectTypeOf<CommonOptions>().toHaveProperty('progressAction');
  // @ts-expect-error not an ActionPreference
  const bad: CommonOptions = { errorAction: 'Sometimes' };
  expect(bad).toBeDefined();
});
