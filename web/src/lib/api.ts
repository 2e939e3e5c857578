// Same-origin /v1 client: adds the bearer token, turns error bodies into ApiError.
import { getToken, onUnauthorized } from './auth.js';

export interface ErrorDetail { field?: string; message: string }
export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public details: ErrorDetail[] = [], public retryAfter?: number) {
    super(message);
  }
  get notImplemented() { return this.status === 501 || this.code === 'NOT_IMPLEMENTED'; }
}

export interface ApiOptions { method?: string; body?: unknown; headers?: Record<string, string>; text?: string; contentType?: string; auth?: boolean }

// GETs started at boot, before the view that needs them has loaded (lib/prefetch.ts). The view's
// identical GET takes the in-flight response once, if it is recent and made with the same token.
const WARM_MS = 15_000;
const warm = new Map<string, { at: number; token: string | null; p: Promise<unknown> }>();
/** GETs a view made itself, and when: a prefetch arriving after the view asked does not ask again. */
const asked = new Map<string, number>();

/** `auth: false` for the public pages' GETs: made without the token, taken only by api(path, { auth: false }). */
export function warmGet(path: string, opts: { auth?: boolean } = {}) {
  const hit = warm.get(path);
  if (hit && Date.now() - hit.at < WARM_MS) return;
  if (Date.now() - (asked.get(path) ?? 0) < WARM_MS) return;
  const p = request(path, opts.auth === false ? { auth: false } : {});
  p.catch(() => {}); // the view that takes it handles the error
  warm.set(path, { at: Date.now(), token: opts.auth === false ? null : getToken(), p });
}

export async function api<T = any>(path: string, opts: ApiOptions = {}): Promise<T> {
  const hit = warm.get(path);
  const get = !opts.method && opts.body === undefined && opts.text === undefined;
  if (hit && get) {
    warm.delete(path);
    if (Date.now() - hit.at < WARM_MS && hit.token === (opts.auth === false ? null : getToken())) return hit.p as Promise<T>;
  }
  if (get) {
    if (asked.size > 200) for (const [k, at] of asked) if (Date.now() - at >= WARM_MS) asked.delete(k);
    asked.set(path, Date.now());
  }
  return request<T>(path, opts);
}

async function request<T>(path: string, opts: ApiOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
  const token = opts.auth === false ? null : getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.text !== undefined) { body = opts.text; headers['content-type'] = opts.contentType ?? 'text/plain'; }
  else if (opts.body !== undefined) { body = JSON.stringify(opts.body); headers['content-type'] = 'application/json'; }
  let res: Response;
  try {
    res = await fetch(path, { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Network error');
  }
  const json = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401 && token) onUnauthorized();
    const e = json?.error ?? {};
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? res.statusText, e.details ?? [], Number(res.headers.get('retry-after')) || undefined);
  }
  return json as T;
}

/** An absent feature (404/501) or a refused read (403): optional panels show nothing instead of an error. */
export const isAbsent = (e: unknown) => e instanceof ApiError && [403, 404, 501].includes(e.status);

/** Like api() but an absent feature or a refused read yields the fallback, for optional panels. */
export async function apiOr<T>(path: string, fallback: T): Promise<T> {
  try { return await api<T>(path); } catch (e) {
    if (isAbsent(e)) return fallback;
    throw e;
  }
}

export const qs = (params: Record<string, string | number | undefined | null>) =>
  '?' + Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');
