// The dashboard speaks both languages completely: every Indonesian string (core and the per-feature
// modules in web/src/lib/strings/) has an English twin with the same {placeholders}, and every key the
// screens ask t() for exists, so no raw key or untranslated text reaches a user who switched to EN.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dict } from '../../../web/src/lib/dictionary.js';
import '../../../web/src/lib/english.js'; // fills dict.en, as the dashboard does when EN is picked

const WEB = join(import.meta.dirname, '..', '..', '..', 'web', 'src');
const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? sources(join(dir, e.name)) : /\.(svelte|ts)$/.test(e.name) ? [join(dir, e.name)] : []);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every t('…') call in the sources: literal keys, and the fixed prefix of template keys like t(`predikat.${p}`). */
function usedKeys() {
  const literal: { key: string; file: string }[] = [];
  const prefixes: { prefix: string; file: string }[] = [];
  for (const path of sources(WEB)) {
    const text = readFileSync(path, 'utf8');
    const file = relative(WEB, path);
    for (const m of text.matchAll(/(?<![\w.$])t\(\s*(['"])([^'"\n]+)\1/g)) literal.push({ key: m[2]!, file });
    for (const m of text.matchAll(/(?<![\w.$])t\(\s*`([^`$]*)\$\{/g)) prefixes.push({ prefix: m[1]!, file });
  }
  return { literal, prefixes };
}

describe('UI dictionary', () => {
  const idKeys = Object.keys(dict.id) as (keyof typeof dict.id)[];

  it('has an English text for every Indonesian key, core and per-feature modules alike', () => {
    expect(idKeys.length).toBeGreaterThan(300);
    const missing = idKeys.filter((k) => typeof dict.en[k] !== 'string' || !dict.en[k]!.trim());
    expect(missing).toEqual([]);
  });

  it('has no English text for a key Indonesian lacks (a stale or misspelt key)', () => {
    expect(Object.keys(dict.en).filter((k) => !(k in dict.id))).toEqual([]);
  });

  it('keeps the same {placeholders} in both languages', () => {
    const differ = idKeys.filter((k) => dict.en[k] && placeholders(dict.id[k]!).join() !== placeholders(dict.en[k]!).join());
    expect(differ).toEqual([]);
  });

  it('knows every key the screens ask t() for', () => {
    const { literal, prefixes } = usedKeys();
    expect(literal.length).toBeGreaterThan(200); // the scan itself still finds the screens' calls
    expect(literal.filter(({ key }) => !(key in dict.id)).map(({ key, file }) => `${file}: ${key}`)).toEqual([]);
    expect(prefixes.filter(({ prefix }) => !idKeys.some((k) => k.startsWith(prefix))).map(({ prefix, file }) => `${file}: ${prefix}…`)).toEqual([]);
  });
});
