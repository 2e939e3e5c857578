// The admin screens label the domain's own lists (unit and agency kinds, organisational ratings, curve
// statuses) through template keys: every value of each list has its text in both languages, so a kind
// added to the domain without a label fails here instead of showing a raw key on /admin/opd.
import { describe, expect, it } from 'vitest';
import { AGENCY_KINDS, UNIT_KINDS } from '../../../functions/domain/organisation.js';
import { ORG_RATINGS } from '../../../functions/domain/types.js';
import { dict } from '../../../web/src/lib/dictionary.js';
import '../../../web/src/lib/english.js'; // fills dict.en, as the dashboard does when EN is picked

const lists: [string, readonly string[]][] = [
  ['admin.unitKind.', UNIT_KINDS],
  ['admin.agencyKind.', AGENCY_KINDS],
  ['admin.orgRating.', ORG_RATINGS],
  ['admin.curve.', ['pass', 'breach', 'unchecked']],
];

describe('admin screen labels', () => {
  it.each(lists)('has an Indonesian and an English label for every %s value', (prefix, values) => {
    const missing = values.flatMap((v) => (['id', 'en'] as const).filter((lang) => !(dict[lang] as Record<string, string>)[`${prefix}${v}`]).map((lang) => `${lang}:${prefix}${v}`));
    expect(missing).toEqual([]);
  });

  it('never words an unchecked curve as a pass', () => {
    expect(dict.id['admin.curve.unchecked']).toBe('Belum dinilai');
    expect(dict.en['admin.curve.unchecked']).toBe('Not rated');
  });
});
