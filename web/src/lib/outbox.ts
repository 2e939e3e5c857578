// Offline-tolerant public submissions: the answers are stored with a client id BEFORE sending,
// removed only once the server has them (201, or 409 = already counted), retried when online.
import { api, ApiError } from './api.js';

const KEY = 'kinerja.outbox';
interface Entry { id: string; path: string; body: unknown; createdAt: string }

const read = (): Entry[] => { try { return JSON.parse(localStorage.getItem(KEY) ?? '[]'); } catch { return []; } };
const write = (list: Entry[]) => localStorage.setItem(KEY, JSON.stringify(list));
const inFlight = new Set<string>();

export function enqueue(path: string, body: unknown): Entry {
  const entry = { id: crypto.randomUUID(), path, body, createdAt: new Date().toISOString() };
  write([...read(), entry]);
  return entry;
}

export const pending = () => read().length;

/** Sends one entry. 'sent' | 'queued' (network down, kept) | throws ApiError for a rejection (dropped). */
export async function send(entry: Entry): Promise<'sent' | 'queued'> {
  if (inFlight.has(entry.id)) return 'queued'; // never two requests for the same answers at once
  inFlight.add(entry.id);
  try {
    await api(entry.path, { body: entry.body, auth: false, headers: { 'idempotency-key': entry.id } });
    drop(entry.id);
    return 'sent';
  } catch (e) {
    if (e instanceof ApiError && e.status === 0) return 'queued';
    if (e instanceof ApiError && e.status === 429) return 'queued';
    if (e instanceof ApiError && e.status === 409) { drop(entry.id); return 'sent'; }
    drop(entry.id);
    throw e;
  } finally { inFlight.delete(entry.id); }
}

function drop(id: string) { write(read().filter((e) => e.id !== id)); }

export async function flush(): Promise<number> {
  let sent = 0;
  for (const entry of read()) if ((await send(entry).catch(() => 'dropped')) === 'sent') sent++;
  return sent;
}

if (typeof window !== 'undefined') window.addEventListener('online', () => void flush());
