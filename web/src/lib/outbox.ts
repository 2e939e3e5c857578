// Offline-tolerant public submissions that tell the truth. The answers are stored with a random id
// BEFORE sending, and that id is the Idempotency-Key of every send, so retries are stored once.
// 201 → sent; 409 → a repeat the server refused (dropped, never reported as sent); 429, 5xx and
// network failures keep the entry and retry later with the same key; any other 4xx drops it and
// throws, so the page can show why.
import { api, ApiError } from './api.js';

const KEY = 'kinerja.outbox';
/** `auth`: sent with the signed-in user's token (a dashboard form); public pages send without. */
export interface Entry { id: string; path: string; body: unknown; headers?: Record<string, string>; auth?: boolean; createdAt: string }
/** sent: stored now or by an earlier try; repeat: refused as already rated; offline / busy: kept for a retry. */
export type Outcome = 'sent' | 'repeat' | 'offline' | 'busy';
type Listener = (id: string, outcome: Outcome | 'refused', error?: ApiError) => void;

/** Random URL-safe id from crypto.getRandomValues (works without a secure context, unlike randomUUID). */
export function randomId(bytes = 16): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const read = (): Entry[] => { try { return JSON.parse(localStorage.getItem(KEY) ?? '[]'); } catch { return []; } };
const write = (list: Entry[]) => { try { localStorage.setItem(KEY, JSON.stringify(list)); } catch { /* private mode: this visit only */ } };
const inFlight = new Set<string>();
const listeners = new Set<Listener>();

export function enqueue(path: string, body: unknown, headers?: Record<string, string>, auth = false): Entry {
  const entry = { id: randomId(), path, body, ...(headers ? { headers } : {}), ...(auth ? { auth } : {}), createdAt: new Date().toISOString() };
  write([...read(), entry]);
  return entry;
}

export const pending = () => read().length;

/** Hears how every entry ends, also those settled by a later retry in the background. */
export function onSettled(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function settle(id: string, outcome: Outcome | 'refused', error?: ApiError) {
  if (outcome !== 'offline' && outcome !== 'busy') write(read().filter((e) => e.id !== id));
  for (const fn of listeners) fn(id, outcome, error);
}

let timer: ReturnType<typeof setTimeout> | undefined;
let backoffMs = 0;
/** One pending retry at a time: after Retry-After when the server gave one, else backing off to 5 minutes. */
function retryLater(seconds?: number) {
  if (timer) return;
  backoffMs = seconds ? seconds * 1000 : Math.min(300_000, Math.max(10_000, backoffMs * 2));
  timer = setTimeout(() => { timer = undefined; void flush(); }, backoffMs);
}

/** Sends one entry; throws the ApiError of a refusal (the entry is dropped). */
export async function send(entry: Entry): Promise<Outcome> {
  if (inFlight.has(entry.id)) return 'busy'; // never two requests for the same answers at once
  inFlight.add(entry.id);
  try {
    await api(entry.path, { body: entry.body, auth: entry.auth ?? false, headers: { ...entry.headers, 'idempotency-key': entry.id } });
    backoffMs = 0;
    settle(entry.id, 'sent');
    return 'sent';
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e));
    if (error.status === 409) { settle(entry.id, 'repeat', error); return 'repeat'; }
    if (error.status === 0 || error.status === 429 || error.status >= 500) {
      const outcome = error.status === 0 ? 'offline' : 'busy';
      retryLater(error.status === 429 ? error.retryAfter : undefined);
      settle(entry.id, outcome, error);
      return outcome;
    }
    settle(entry.id, 'refused', error);
    throw error;
  } finally { inFlight.delete(entry.id); }
}

/** Sends what is waiting; the number stored now. */
export async function flush(): Promise<number> {
  let sent = 0;
  for (const entry of read()) if ((await send(entry).catch(() => 'refused')) === 'sent') sent++;
  return sent;
}

if (typeof window !== 'undefined') window.addEventListener('online', () => void flush());
