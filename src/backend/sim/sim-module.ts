// Generates the ExchcertSim module: the Exchange cmdlets' param() blocks from the spec tables, bodies that call the engine.
import type { CmdletSpec, ParameterSpec } from '../../spec/cmdlet-spec.js';
import { cmdletBindingAttribute, paramBlock, psQuote } from '../../spec/powershell-module.js';
import { ALL_EXCHANGE_CMDLETS } from '../../spec/registry.js';
import {
  EXCHANGE_CERTIFICATE_LIST_VIEW,
  EXCHANGE_CERTIFICATE_TABLE_VIEW,
} from '../../spec/output/exchange-certificate.js';
import { EXCHANGE_TABLE_VIEWS } from '../../spec/output/exchange-object-views.js';
import { SIM_MODULE_NAME } from './sim-module-path.js';
import { SIM_SUPPORT } from './sim-module-support.js';
import { ALLOWED_SERVICES } from '../../spec/ps-type.js';
import { EXCHANGE_TYPE_NAMESPACE } from '../../spec/ps-type-info.js';

/** The PSTypeName of the certificates the module writes (Exchange's). */
export const SIM_CERTIFICATE_TYPE = 'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate';
/** The PSTypeName of request and export bytes (`FileData`). */
export const SIM_FILE_DATA_TYPE = 'Microsoft.Exchange.Data.BinaryFileDataObject';

/** The module's files by name. */
export interface SimModuleFiles {
  readonly [file: string]: string;
}

/** Exchange's AllowedServices flags enum (the type of -Services), compiled once per session. */
function typesText(): string {
  const members = Object.entries(ALLOWED_SERVICES)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  return `if (-not ('Exchcert.Sim.KeepNullAttribute' -as [type])) {
    Add-Type -TypeDefinition @'
namespace ${EXCHANGE_TYPE_NAMESPACE} { [System.Flags] public enum AllowedServices { ${members} } }
namespace Microsoft.Exchange.Data
{
    /// <summary>One CertificateDomains item: Address as written, Domain without the wildcard; compares as its text.</summary>
    public class SmtpDomainWithSubdomains
    {
        public SmtpDomainWithSubdomains(string address) { this.Address = address; }
        public string Address { get; private set; }
        public string Domain { get { return this.Address.StartsWith("*.") ? this.Address.Substring(2) : this.Address; } }
        public bool IncludeSubDomains { get { return this.Address.StartsWith("*."); } }
        public override string ToString() { return this.Address; }
        public override bool Equals(object other)
        {
            if (other == null) return false;
            return string.Equals(this.Address, other.ToString(), System.StringComparison.OrdinalIgnoreCase);
        }
        public override int GetHashCode() { return this.Address.ToLowerInvariant().GetHashCode(); }
    }
}
namespace Exchcert.Sim
{
    /// <summary>
    /// A compiled cmdlet's [string] parameter keeps $null (Get-ExchangeCertificate -Thumbprint $null lists all); a
    /// function's becomes ''. This marks a $null argument so the module sends null.
    /// </summary>
    public sealed class KeepNullAttribute : System.Management.Automation.ArgumentTransformationAttribute
    {
        public const string Marker = "\u0000exchcert-null";
        public override object Transform(System.Management.Automation.EngineIntrinsics engineIntrinsics, object inputData)
        {
            return inputData == null ? Marker : inputData;
        }
    }
}
'@
}`;
}

/** Optional [string]/[string[]] parameters keep $null as compiled cmdlets do (mandatory ones refuse it natively). */
function keepNull(parameter: ParameterSpec, literal: string): string | undefined {
  return !parameter.mandatory && (literal === 'string' || literal === 'string[]')
    ? '[Exchcert.Sim.KeepNull()]'
    : undefined;
}

/** One advanced function: the table's CmdletBinding and param(), a body that hands the call to the engine. */
function simFunction(cmdlet: CmdletSpec): string {
  return [
    `function ${cmdlet.name} {`,
    `    ${cmdletBindingAttribute(cmdlet, { shell: '7' })}`,
    `    ${paramBlock(cmdlet, { shell: '7', indent: '        ', typeAttribute: keepNull })}`,
    `    process { Invoke-ExchcertSimCall -Cmdlet ${psQuote(cmdlet.name)} -Command $PSCmdlet -Bound $PSBoundParameters -Invocation $MyInvocation }`,
    '}',
  ].join('\n');
}

/** The default table view of a neighbouring cmdlet's object type (Exchange's columns, as the mock prints them). */
function objectTableView(type: string, columns: readonly string[]): string {
  const name = type.slice(type.lastIndexOf('.') + 1);
  return `    <View>
      <Name>${name}Table</Name>
      <ViewSelectedBy><TypeName>${type}</TypeName></ViewSelectedBy>
      <TableControl>
        <AutoSize />
        <TableHeaders>
${columns.map((c) => `          <TableColumnHeader><Label>${c}</Label></TableColumnHeader>`).join('\n')}
        </TableHeaders>
        <TableRowEntries>
          <TableRowEntry>
            <TableColumnItems>
${columns.map((c) => `              <TableColumnItem><PropertyName>${c}</PropertyName></TableColumnItem>`).join('\n')}
            </TableColumnItems>
          </TableRowEntry>
        </TableRowEntries>
      </TableControl>
    </View>`;
}

function formatFile(): string {
  const columns = EXCHANGE_CERTIFICATE_TABLE_VIEW.map((name) => {
    const width = name === 'Thumbprint' ? 41 : name === 'Services' ? 10 : undefined;
    return `          <TableColumnHeader><Label>${name}</Label>${width !== undefined ? `<Width>${width}</Width>` : ''}</TableColumnHeader>`;
  });
  const cells = EXCHANGE_CERTIFICATE_TABLE_VIEW.map((name) =>
    name === 'Services'
      ? '              <TableColumnItem><PropertyName>ServicesStringForm</PropertyName></TableColumnItem>'
      : `              <TableColumnItem><PropertyName>${name}</PropertyName></TableColumnItem>`,
  );
  const items = EXCHANGE_CERTIFICATE_LIST_VIEW.map(
    (name) => `              <ListItem><PropertyName>${name}</PropertyName></ListItem>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- ${SIM_MODULE_NAME}: the Exchange Management Shell's views of its objects (generated by exchcert). -->
<Configuration>
  <ViewDefinitions>
    <View>
      <Name>ExchangeCertificateTable</Name>
      <ViewSelectedBy><TypeName>${SIM_CERTIFICATE_TYPE}</TypeName></ViewSelectedBy>
      <TableControl>
        <TableHeaders>
${columns.join('\n')}
        </TableHeaders>
        <TableRowEntries>
          <TableRowEntry>
            <TableColumnItems>
${cells.join('\n')}
            </TableColumnItems>
          </TableRowEntry>
        </TableRowEntries>
      </TableControl>
    </View>
    <View>
      <Name>ExchangeCertificateList</Name>
      <ViewSelectedBy><TypeName>${SIM_CERTIFICATE_TYPE}</TypeName></ViewSelectedBy>
      <ListControl>
        <ListEntries>
          <ListEntry>
            <ListItems>
${items.join('\n')}
            </ListItems>
          </ListEntry>
        </ListEntries>
      </ListControl>
    </View>
${Object.entries(EXCHANGE_TABLE_VIEWS)
  .map(([type, columns]) => objectTableView(type, columns))
  .join('\n')}
  </ViewDefinitions>
</Configuration>
`;
}

function manifest(cmdlets: readonly CmdletSpec[], version: string): string {
  return `# ${SIM_MODULE_NAME}: the simulated Exchange certificate cmdlets for real PowerShell (generated by exchcert).
@{
    RootModule = '${SIM_MODULE_NAME}.psm1'
    ModuleVersion = '${version}'
    GUID = '5d0c2f7e-8a51-4c39-9a0e-3f6b2c1d7e84'
    Author = 'exchcert'
    Description = 'The Exchange certificate cmdlets, bound as Exchange binds them, backed by the exchcert engine (the simulated organization of exchcert --backend mock).'
    PowerShellVersion = '7.0'
    FunctionsToExport = @(${cmdlets.map((c) => psQuote(c.name)).join(', ')})
    CmdletsToExport = @()
    VariablesToExport = @()
    AliasesToExport = @()
    FormatsToProcess = @('${SIM_MODULE_NAME}.format.ps1xml')
}
`;
}

/**
 * The files of powershell/ExchcertSim: manifest, script module, format file.
 * @example Object.keys(simModuleFiles('0.1.0')) // ['ExchcertSim.psd1', 'ExchcertSim.psm1', 'ExchcertSim.format.ps1xml']
 */
export function simModuleFiles(version: string, cmdlets: readonly CmdletSpec[] = ALL_EXCHANGE_CMDLETS): SimModuleFiles {
  const psm1 = [
    `# ${SIM_MODULE_NAME} (generated by exchcert from its spec tables): every call goes to the engine of the state folder.`,
    typesText(),
    SIM_SUPPORT,
    ...cmdlets.map(simFunction),
    `Export-ModuleMember -Function ${cmdlets.map((c) => psQuote(c.name)).join(', ')}`,
    '',
  ].join('\n\n');
  return {
    [`${SIM_MODULE_NAME}.psd1`]: manifest(cmdlets, version),
    [`${SIM_MODULE_NAME}.psm1`]: psm1,
    [`${SIM_MODULE_NAME}.format.ps1xml`]: formatFile(),
  };
}
