// An output object as an Exchange cmdlet writes it: properties plus its .NET type name and ToString() text, both hidden.

/**
 * A plain object with `properties`, the type name the formatter and GetType() see (`PSTypeNames`) and the text
 * `"$obj"` gives (`__ToString`, Exchange's Identity); neither shows as a property.
 * @example exchangeObject('Microsoft.Exchange.Data.Directory.Management.ExchangeServer', 'AMS-EXCH01', { Name: 'AMS-EXCH01' })
 */
export function exchangeObject(
  typeName: string,
  text: string,
  properties: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return { ...properties, PSTypeNames: [typeName], __ToString: text };
}
