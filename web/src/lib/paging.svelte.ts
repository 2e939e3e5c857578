// DESIGN §4 Lists: list routes answer one page, `{items, nextCursor}`, and keep the pre-paging array
// name (`officers`, `reports`, …) beside `items` for one version. Every list read in the dashboard
// goes through here, so no screen silently shows only the first page.
import { api, ApiError, isAbsent } from './api.js';

export interface Page<T> { items: T[]; nextCursor: string | null }

/** `path` with the cursor of the page to read next (none: the first page, the same URL the boot prefetch warms). */
export const withCursor = (path: string, cursor?: string | null) =>
  cursor ? `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : path;

/** A page from a list answer: `items`, else the old named array (`legacy`). */
export function pageOf<T>(body: any, legacy?: string): Page<T> {
  const items = Array.isArray(body?.items) ? body.items : legacy && Array.isArray(body?.[legacy]) ? body[legacy] : Array.isArray(body) ? body : [];
  return { items, nextCursor: typeof body?.nextCursor === 'string' && body.nextCursor ? body.nextCursor : null };
}

/** Every page of a list, for screens that compute over the whole set. `maxPages` guards a cursor loop. */
export async function fetchAll<T>(path: string, legacy?: string, maxPages = 50): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < maxPages; n++) {
    const page: Page<T> = pageOf<T>(await api(withCursor(path, cursor)), legacy);
    all.push(...page.items);
    if (!(cursor = page.nextCursor)) break;
  }
  return all;
}

/** fetchAll for optional panels: an absent feature or a refused read is an empty list (as apiOr). */
export const fetchAllOr = <T>(path: string, legacy?: string): Promise<T[]> =>
  fetchAll<T>(path, legacy).catch((e) => { if (isAbsent(e)) return []; throw e; });

/**
 * A list shown page by page behind a "Load more" button. `load(path)` starts over (a newer load
 * wins over one still in flight); `more()` appends the next page. `head` is the first page's whole
 * answer, for routes that send totals beside the list. With `optional`, an absent feature or a
 * refused read (403/404/501) is an empty list, as apiOr does for optional panels.
 */
export class PagedList<T> {
  items = $state<T[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  error = $state<ApiError | Error | null>(null);
  head = $state<any>(null);
  #path = '';
  #generation = 0;
  readonly #legacy: string | undefined;
  readonly #optional: boolean;

  constructor(legacy?: string, optional = false) { this.#legacy = legacy; this.#optional = optional; }

  load(path: string): Promise<void> {
    this.#path = path;
    this.nextCursor = null;
    return this.#read(null, ++this.#generation);
  }
  reload(): Promise<void> { return this.load(this.#path); }
  more(): Promise<void> {
    return this.nextCursor && !this.loading ? this.#read(this.nextCursor, this.#generation) : Promise.resolve();
  }

  async #read(cursor: string | null, generation: number) {
    this.loading = true;
    try {
      const body = await api(withCursor(this.#path, cursor));
      if (generation !== this.#generation) return;
      const page = pageOf<T>(body, this.#legacy);
      this.items = cursor ? [...this.items, ...page.items] : page.items;
      if (!cursor) this.head = body;
      this.nextCursor = page.nextCursor;
      this.error = null;
    } catch (e) {
      if (generation !== this.#generation) return;
      if (!cursor) { this.items = []; this.head = null; }
      this.error = this.#optional && isAbsent(e) ? null : (e as Error);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }
}
