// An item's size as DynamoDB counts it for capacity (names and values; a number is about 1 byte plus 1 per
// two significant digits, a list or map 3 bytes plus 1 per element), from the item as the document client holds it.
export function itemBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return 1 + Math.ceil(String(Math.abs(value)).replace('.', '').replace(/e.*$/, '').replace(/^0+/, '').replace(/0+$/, '').length / 2);
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + itemBytes(v), 0);
  if (value && typeof value === 'object') return 3 + Object.entries(value).reduce((n, [k, v]) => n + Buffer.byteLength(k) + 1 + itemBytes(v), 0);
  return 0;
}
export const topBytes = (item: Record<string, unknown>) => Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + itemBytes(v), 0);
