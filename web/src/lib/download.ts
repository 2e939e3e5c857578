// Documents come from the API with the bearer token, so a plain link cannot fetch them: the file is
// fetched here and saved through a temporary blob URL, under the name the API gives it.
import { ApiError } from './api.js';
import { getToken, onUnauthorized } from './auth.js';

export interface Downloaded { filename: string; headers: Headers }

const nameFrom = (disposition: string | null, fallback: string) => /filename="?([^";]+)"?/.exec(disposition ?? '')?.[1] ?? fallback;

export async function download(path: string, fallbackName = 'dokumen.pdf'): Promise<Downloaded> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Network error');
  }
  if (!res.ok) {
    if (res.status === 401 && token) onUnauthorized();
    const e = ((await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null)?.error ?? {};
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? res.statusText);
  }
  const filename = nameFrom(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { filename, headers: res.headers };
}
