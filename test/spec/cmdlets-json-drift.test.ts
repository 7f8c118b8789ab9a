// Keeps the spec tables and cmdlets.json (the researched facts) from drifting apart, field by field.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from '@jest/globals';
import type { CmdletSpec, ParameterSpec } from '../../src/spec/cmdlet-spec.js';
import { setsOf } from '../../src/spec/cmdlet-spec.js';
import type { Availability, ExchangeMajor } from '../../src/spec/exchange-target.js';
import { EXCHANGE_MAJORS, LATEST_CU, isAvailable } from '../../src/spec/exchange-target.js';
import { EXCHANGE_CMDLETS } from '../../src/spec/registry.js';

interface JsonSetParameter {
  name: string;
  type: string;
  mandatory: boolean;
  docsPosition: number | 'Named' | null;
  acceptsPipelineInput: boolean;
  appliesTo: ExchangeMajor[];
}
interface JsonParameter {
  type: string;
  parameterSets: string[];
  required: boolean;
  docsPosition: number | 'Named' | null;
  acceptsPipelineInput: boolean;
  aliases: string[];
  appliesTo: ExchangeMajor[];
  appliesToBefore2022H1?: ExchangeMajor[];
  acceptedValues?: (string | number)[];
  codeNote?: string;
}
interface JsonCmdlet {
  docsAppliesTo: ExchangeMajor[];
  defaultParameterSet: string;
  supportsShouldProcess: boolean;
  confirmImpact: string | null;
  parameterSets: { name: string; parameters: JsonSetParameter[] }[];
  parameters: Record<string, JsonParameter>;
}

// The committed copy (CI clones have no ../shared); when ../shared exists the copy must equal it.
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtureText = readFileSync(`${root}fixtures/spec/cmdlets.json`, 'utf8');
const sharedPath = `${root}../shared/spec/cmdlets.json`;
const json = JSON.parse(fixtureText) as { cmdlets: Record<string, JsonCmdlet> };

// Import-ExchangeCertificate's docs cross two set names: docs set 'FileName' holds -Instance and docs set
// 'Instance' holds -FileName. The compiled cmdlet (and the table) names each set after its own parameter.
const SET_NAME_MAP: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'Import-ExchangeCertificate': { FileName: 'Instance', Instance: 'FileName' },
};
const tableSet = (cmdlet: string, docsSet: string): string => SET_NAME_MAP[cmdlet]?.[docsSet] ?? docsSet;

const target = (major: ExchangeMajor, cu: number) => ({ major, cu, label: `${major}-CU${cu}` });
/** Majors whose latest CU has the parameter (the current docs' "Applicable" line). */
const majorsAtLatest = (a: Availability) => EXCHANGE_MAJORS.filter((m) => isAvailable(a, target(m, LATEST_CU[m])));
/** Majors where any CU had it (the pre-2022-H1 docs). */
const majorsAtAnyCu = (a: Availability) =>
  EXCHANGE_MAJORS.filter((m) =>
    Array.from({ length: LATEST_CU[m] + 1 }, (_, cu) => cu).some((cu) => isAvailable(a, target(m, cu))),
  );

const position = (p: number | 'Named' | null) => (typeof p === 'number' ? p - 1 : undefined);
const sorted = <T>(xs: readonly T[]) => [...xs].map(String).sort();

/** Compares one field and names cmdlet/set/parameter/field on failure. */
function same(where: string, field: string, table: unknown, docs: unknown): void {
  expect({ at: `${where}: ${field}`, value: table }).toEqual({ at: `${where}: ${field}`, value: docs });
}

function tableParam(cmdlet: CmdletSpec, name: string): ParameterSpec {
  const p = cmdlet.parameters.find((q) => q.name === name);
  if (!p) throw new Error(`${cmdlet.name}: parameter -${name} is in cmdlets.json but not in the table`);
  return p;
}

describe('cmdlets.json fixture', () => {
  it('is an exact copy of ../shared/spec/cmdlets.json (when that exists)', () => {
    if (!existsSync(sharedPath)) return;
    const copied = fixtureText === readFileSync(sharedPath, 'utf8');
    expect({ 'fixtures/spec/cmdlets.json equals ../shared/spec/cmdlets.json (copy it again)': copied }).toEqual({
      'fixtures/spec/cmdlets.json equals ../shared/spec/cmdlets.json (copy it again)': true,
    });
  });

  it('covers exactly the six Exchange cmdlet tables', () => {
    expect(Object.keys(json.cmdlets).sort()).toEqual(EXCHANGE_CMDLETS.map((c) => c.name).sort());
  });
});

describe.each(EXCHANGE_CMDLETS.map((c) => [c.name, c] as const))('%s table matches cmdlets.json', (name, cmdlet) => {
  const docs = json.cmdlets[name]!;

  it('has the same default set, ShouldProcess, ConfirmImpact and versions', () => {
    same(name, 'defaultParameterSet', cmdlet.defaultSet, docs.defaultParameterSet.split(' ')[0]);
    same(name, 'supportsShouldProcess', cmdlet.supportsShouldProcess, docs.supportsShouldProcess);
    const impact = /\b(High|Medium|Low)\b/.exec(docs.confirmImpact ?? '')?.[1];
    if (impact) same(name, 'confirmImpact', cmdlet.confirmImpact, impact);
    same(name, 'docsAppliesTo', sorted(majorsAtAnyCu(cmdlet.exchange)), sorted(docs.docsAppliesTo));
  });

  it('has the same parameter sets', () => {
    same(name, 'parameter sets', sorted(cmdlet.sets), sorted(docs.parameterSets.map((s) => tableSet(name, s.name))));
  });

  it('has the same parameters in every set, with the same per-set facts', () => {
    for (const set of docs.parameterSets) {
      const setName = tableSet(name, set.name);
      const where = (p: string) => `${name} set ${setName} (docs '${set.name}') -${p}`;
      for (const dp of set.parameters) {
        const p = tableParam(cmdlet, dp.name);
        same(where(dp.name), 'in set', setsOf(cmdlet, p).includes(setName), true);
        same(where(dp.name), 'type', p.type, dp.type);
        same(where(dp.name), 'mandatory', p.mandatory, dp.mandatory);
        same(where(dp.name), 'position', p.position, position(dp.docsPosition));
        same(where(dp.name), 'pipeline input', p.pipeline !== undefined, dp.acceptsPipelineInput);
        same(where(dp.name), 'appliesTo (latest CU)', sorted(majorsAtLatest(p.exchange)), sorted(dp.appliesTo));
      }
      // The reverse: the table puts no extra parameter into this set.
      const tableNames = cmdlet.parameters.filter((p) => setsOf(cmdlet, p).includes(setName)).map((p) => p.name);
      same(`${name} set ${setName}`, 'parameter names', sorted(tableNames), sorted(set.parameters.map((p) => p.name)));
    }
  });

  it('has the same parameters with the same cmdlet-level facts', () => {
    same(name, 'parameter names', sorted(cmdlet.parameters.map((p) => p.name)), sorted(Object.keys(docs.parameters)));
    for (const [pname, dp] of Object.entries(docs.parameters)) {
      const p = tableParam(cmdlet, pname);
      const where = `${name} -${pname}`;
      const docsSets = dp.parameterSets.includes('(All)')
        ? cmdlet.sets
        : dp.parameterSets.map((s) => tableSet(name, s));
      same(where, 'parameterSets', sorted(setsOf(cmdlet, p)), sorted(docsSets));
      same(where, 'type', p.type, dp.type);
      same(where, 'required', p.mandatory, dp.required);
      same(where, 'position', p.position, position(dp.docsPosition));
      same(where, 'pipeline input', p.pipeline !== undefined, dp.acceptsPipelineInput);
      if (/by value only/i.test(dp.codeNote ?? '')) same(where, 'pipeline kind (codeNote)', p.pipeline, 'value');
      if (/by value and by property name/i.test(dp.codeNote ?? ''))
        same(where, 'pipeline kind (codeNote)', p.pipeline, 'both');
      same(where, 'aliases', sorted(p.aliases), sorted(dp.aliases));
      same(where, 'appliesTo (latest CU)', sorted(majorsAtLatest(p.exchange)), sorted(dp.appliesTo));
      same(
        where,
        'appliesTo (any CU; appliesToBefore2022H1)',
        sorted(majorsAtAnyCu(p.exchange)),
        sorted(dp.appliesToBefore2022H1 ?? dp.appliesTo),
      );
      if (dp.acceptedValues && p.type !== 'Boolean')
        same(where, 'acceptedValues', sorted(p.accepted ?? []), sorted(dp.acceptedValues));
    }
  });
});
