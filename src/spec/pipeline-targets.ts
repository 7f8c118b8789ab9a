import type { PipelineInputExpression } from '../node/expression.js';
import type { ParameterSpec } from './cmdlet-spec.js';
import type { ShellView } from './registry.js';
import { parameterSets } from './parameter-sets.js';

/** Properties of the objects each Exchange cmdlet writes (what by-property-name binding can use). */
const OUTPUT_PROPERTIES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'Get-ExchangeCertificate': [
    'Thumbprint',
    'Services',
    'Subject',
    'Issuer',
    'FriendlyName',
    'Identity',
    'NotAfter',
    'NotBefore',
    'Status',
    'CertificateDomains',
  ],
  'Import-ExchangeCertificate': [
    'Thumbprint',
    'Services',
    'Subject',
    'Issuer',
    'FriendlyName',
    'Identity',
    'NotAfter',
    'NotBefore',
    'Status',
    'CertificateDomains',
  ],
  'New-ExchangeCertificate': [
    'Thumbprint',
    'Services',
    'Subject',
    'Issuer',
    'FriendlyName',
    'Identity',
    'NotAfter',
    'NotBefore',
    'Status',
    'CertificateDomains',
  ],
  'Export-ExchangeCertificate': ['FileData'],
});

/**
 * Which parameters piped objects fill: the mandatory ones first; else the first parameter of the set that takes
 * pipeline input. By property name when the upstream command's objects have that property, else by value.
 */
export function pipelineTargets(
  view: ShellView,
  set: string,
  bound: ReadonlySet<string>,
  upstream: string | null,
): Record<string, PipelineInputExpression> {
  const candidates = view.parameters.filter(
    (p) => p.pipeline !== undefined && !bound.has(p.name) && parameterSets(view, p).includes(set),
  );
  if (candidates.length === 0) return {};
  const mandatory = candidates.filter((p) => p.mandatory);
  const chosen: readonly ParameterSpec[] = mandatory.length > 0 ? mandatory : [candidates[0]!];
  const props = upstream ? (OUTPUT_PROPERTIES[upstream] ?? []) : [];
  const out: Record<string, PipelineInputExpression> = {};
  for (const p of chosen) {
    const byProperty = p.pipeline !== 'value' && (props.includes(p.name) || p.pipeline === 'property');
    out[p.option] = Object.freeze({ kind: 'pipelineInput', by: byProperty ? 'property' : 'value' });
  }
  return out;
}
