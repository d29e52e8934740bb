/**
 * A small router over the History API: the console's pages are plain URLs (shareable, with
 * the filters in the query), the server answers index.html for each (src/http/console.ts).
 */
import { useEffect, useState } from 'preact/hooks';

export interface Place {
  pathname: string;
  search: string;
}

const listeners = new Set<() => void>();
const here = (): Place => ({ pathname: location.pathname, search: location.search });

window.addEventListener('popstate', () => listeners.forEach((l) => l()));

/** Goes to a console URL without reloading; `replace` for redirects and filter typing. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  listeners.forEach((l) => l());
}

/** The current URL; re-renders on every navigation. */
export function usePlace(): Place {
  const [place, setPlace] = useState(here);
  useEffect(() => {
    const update = () => setPlace(here());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return place;
}

/** Matches `/projects/:projectId/certificates/:id` against a path: the decoded parameters, or null. */
export function match(pattern: string, pathname: string): Record<string, string> | null {
  const norm = (p: string) => p.replace(/\/+$/, '') || '/';
  if (norm(pattern) === '/' || norm(pathname) === '/') return norm(pattern) === norm(pathname) ? {} : null;
  const want = norm(pattern).split('/');
  const got = norm(pathname).split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
      if (!params[want[i].slice(1)]) return null;
    } else if (want[i] !== got[i]) return null;
  }
  return params;
}

/** A link's click handler that navigates in place (a plain click only: a new tab stays a new tab). */
export function followLink(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = (event.currentTarget as HTMLAnchorElement | null) ?? null;
  if (!a || a.target || a.origin !== location.origin) return;
  event.preventDefault();
  navigate(a.pathname + a.search);
}
