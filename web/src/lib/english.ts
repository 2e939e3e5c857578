// The English UI texts, a chunk of their own (half the dictionary's bytes), merged into dict.en when a
// user picks EN (i18n.svelte.ts loadEnglish). Each strings module keeps both languages in one file; the
// `?en` import is a second copy of that module of which the bundle keeps only `en` (coreEn here), while
// the first load's copy keeps only `id`. tests/unit/web/dictionary.test.ts checks every key has its twin.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient '*?en' module: the root tsc run (tests import this file) must see it too
/// <reference path="./english-imports.d.ts" />
import { dict, type Key } from './dictionary.js';
import { coreEn } from './dictionary.js?en';
import { en as activity } from './strings/activity.js?en';
import { en as admin } from './strings/admin.js?en';
import { en as auth } from './strings/auth.js?en';
import { en as complaints } from './strings/complaints.js?en';
import { en as documents } from './strings/documents.js?en';
import { en as feedback } from './strings/feedback.js?en';
import { en as forums } from './strings/forums.js?en';
import { en as notifications } from './strings/notifications.js?en';
import { en as progress } from './strings/progress.js?en';
import { en as skp } from './strings/skp.js?en';
import { en as team } from './strings/team.js?en';
import { en as transparency } from './strings/transparency.js?en';
import { en as visits } from './strings/visits.js?en';

export const en = { ...coreEn, ...complaints, ...admin, ...team, ...activity, ...skp, ...progress, ...visits, ...feedback, ...forums, ...documents, ...auth, ...transparency, ...notifications } as Partial<Record<Key, string>>;
Object.assign(dict.en, en);
