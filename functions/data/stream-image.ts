// Stream images in AttributeValue form → plain items. DynamoDB Local renders an empty map as `{}`
// (no type key), which unmarshall rejects; such attributes are dropped instead of failing the batch.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

type Image = Record<string, unknown> | undefined;

function clean(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const av = value as Record<string, unknown>;
  if (Object.keys(av).length === 0) return undefined;
  if (av.M) return { M: Object.fromEntries(Object.entries(av.M as Record<string, unknown>).map(([k, v]) => [k, clean(v)]).filter(([, v]) => v !== undefined)) };
  if (av.L) return { L: (av.L as unknown[]).map(clean).filter((v) => v !== undefined) };
  return av;
}

/** The item's `type` attribute without unmarshalling the whole image (processors filter on it first). */
export const imageType = (img: Image): string | undefined => (img?.type as { S?: string } | undefined)?.S;

export function fromImage<T = Record<string, unknown>>(img: Image): T | undefined {
  if (!img) return undefined;
  const cleaned = Object.fromEntries(Object.entries(img).map(([k, v]) => [k, clean(v)]).filter(([, v]) => v !== undefined));
  return unmarshall(cleaned as Record<string, AttributeValue>) as T;
}
