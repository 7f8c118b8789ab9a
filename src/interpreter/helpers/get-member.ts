// Get-Member for the objects runbooks hold: custom objects, certificates, hashtables (TypeName, Name, MemberType, Definition).
import { PsHashtable } from '../../runtime/ps-hashtable.js';
import {
  isCertificateObject,
  isPlainObject,
  normalize,
  propertyNames,
  toStr,
  typeNameOf,
} from '../../runtime/ps-values.js';
import type { CommandContext } from '../command-context.js';

const SHORT: Readonly<Record<string, string>> = {
  'System.String': 'string',
  'System.Int32': 'int',
  'System.Int64': 'long',
  'System.Boolean': 'bool',
  'System.Double': 'double',
  'System.DateTime': 'datetime',
  'System.Byte[]': 'byte[]',
  'System.Object[]': 'Object[]',
};

const OBJECT_METHODS: readonly [string, string][] = [
  ['Equals', 'bool Equals(System.Object obj)'],
  ['GetHashCode', 'int GetHashCode()'],
  ['GetType', 'type GetType()'],
  ['ToString', 'string ToString()'],
];

function shortType(v: unknown): string {
  if (v === null || v === undefined) return 'object';
  const t = typeNameOf(v);
  return SHORT[t] ?? t;
}

function members(o: unknown): { name: string; memberType: string; definition: string }[] {
  const methods = OBJECT_METHODS.map(([name, definition]) => ({ name, memberType: 'Method', definition }));
  if (o instanceof PsHashtable) {
    return [
      ...methods,
      ...['Add', 'Clear', 'ContainsKey', 'Remove'].map((name) => ({ name, memberType: 'Method', definition: name })),
      { name: 'Count', memberType: 'Property', definition: 'int Count {get;}' },
      { name: 'Keys', memberType: 'Property', definition: 'System.Collections.ICollection Keys {get;}' },
      { name: 'Values', memberType: 'Property', definition: 'System.Collections.ICollection Values {get;}' },
    ].sort((a, b) =>
      a.memberType === b.memberType ? a.name.localeCompare(b.name) : a.memberType.localeCompare(b.memberType),
    );
  }
  const obj = o as Record<string, unknown>;
  const cert = isCertificateObject(obj);
  const props = propertyNames(obj)
    .map((name) => {
      const v = normalize(obj[name]);
      return cert
        ? { name, memberType: 'Property', definition: `${shortType(v)} ${name} {get;set;}` }
        : { name, memberType: 'NoteProperty', definition: `${shortType(v)} ${name}=${v === null ? 'null' : toStr(v)}` };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-US', { sensitivity: 'accent' }));
  return [...methods, ...props];
}

/** Get-Member: one MemberDefinition per member of each distinct type in the input. */
export async function getMemberCommand(ctx: CommandContext): Promise<unknown[]> {
  if (ctx.params.static === true || ctx.params.force === true) ctx.unsupported('Get-Member -Static/-Force');
  const items = ctx.input ?? (ctx.params.inputObject !== undefined ? [ctx.params.inputObject] : []);
  const seen = new Set<string>();
  const out: unknown[] = [];
  const names = (ctx.params.name as unknown[] | undefined)?.map((n) => toStr(n).toLowerCase());
  const kind = ctx.params.memberType === undefined ? null : toStr(ctx.params.memberType).toLowerCase();
  for (const raw of items) {
    const o = normalize(raw);
    if (!isPlainObject(o) && !(o instanceof PsHashtable)) ctx.unsupported(`Get-Member on a ${typeNameOf(o)}`);
    const typeName = typeNameOf(o);
    if (seen.has(typeName)) continue;
    seen.add(typeName);
    for (const m of members(o)) {
      if (names && !names.includes(m.name.toLowerCase())) continue;
      if (kind !== null && !m.memberType.toLowerCase().includes(kind.replace(/^properties$/, 'property'))) continue;
      out.push({
        PSTypeName: 'Microsoft.PowerShell.Commands.MemberDefinition',
        TypeName: typeName,
        Name: m.name,
        MemberType: m.memberType,
        Definition: m.definition,
      });
    }
  }
  if (out.length === 0 && items.length === 0) {
    ctx.writeError({
      message: 'You must specify an object for the Get-Member cmdlet.',
      category: 'CloseError',
      errorId: 'NoObjectInGetMember',
      exceptionType: 'System.InvalidOperationException',
      fullyQualifiedErrorId: 'NoObjectInGetMember,Microsoft.PowerShell.Commands.GetMemberCommand',
    });
  }
  return Promise.resolve(out);
}
