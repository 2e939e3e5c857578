// A tiny History-API router: patterns like /opd/:agencyId, lazy components, link interception.
import type { Component } from 'svelte';

export interface RouteDef { pattern: string; load: () => Promise<{ default: Component<any> }>; public?: boolean }
export const route = $state({ path: location.pathname, search: location.search });

export function navigate(to: string, replace = false) {
  if (to === location.pathname + location.search) return;
  history[replace ? 'replaceState' : 'pushState']({}, '', to);
  route.path = location.pathname;
  route.search = location.search;
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => { route.path = location.pathname; route.search = location.search; });

// Same-origin <a href="/…"> clicks become pushState navigations.
document.addEventListener('click', (e) => {
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/v1/')) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});

export function match(defs: RouteDef[], path: string): { def: RouteDef; params: Record<string, string> } | null {
  const parts = path.replace(/\/+$/, '').split('/').slice(1);
  for (const def of defs) {
    const pat = def.pattern.split('/').slice(1).filter((p) => p !== '');
    const params: Record<string, string> = {};
    let ok = true;
    const n = Math.max(pat.length, parts.filter((p) => p !== '').length);
    for (let i = 0; i < n && ok; i++) {
      const p = pat[i];
      const v = parts[i];
      if (p === undefined) ok = false;
      else if (p.startsWith(':')) {
        if (v) params[p.slice(1).replace('?', '')] = decodeURIComponent(v);
        else if (!p.endsWith('?')) ok = false;
      } else if (p !== v) ok = false;
    }
    if (ok) return { def, params };
  }
  return null;
}
