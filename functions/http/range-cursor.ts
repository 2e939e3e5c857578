// A cursor for a Query on one partition and a sort-key range (an officer's reports or trainings of a
// year). Beyond decodeCursor's partition check, the start key must be exactly {PK, SK} with SK inside
// the range: DynamoDB answers a start key outside the key condition with a ValidationException,
// which would otherwise surface as a 500 for a tampered cursor.
import { badRequest } from './errors.js';
import { decodeCursor, type StartKey } from './paging.js';

export interface SortRange { from: string; to: string }

export function decodeRangeCursor(cursor: string | undefined, pk: string, range: SortRange): StartKey | undefined {
  const key = decodeCursor(cursor, { PK: pk });
  if (!key) return undefined;
  const fields = Object.keys(key).sort().join(',');
  const sk = key.SK;
  if (fields !== 'PK,SK' || typeof sk !== 'string' || sk < range.from || sk > range.to) {
    throw badRequest('Invalid cursor', [{ field: 'cursor', message: 'Not a cursor of this list; start again without it' }]);
  }
  return key;
}
