/**
 * Query-string routing: every page and answer has a URL that can be shared
 * (`/?view=topic&q=snapshot+restore`). Links are ordinary anchors; a click on
 * one of ours updates the address without reloading.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route = { view: string; params: URLSearchParams };

export function currentRoute(): Route {
  const params = new URLSearchParams(location.search);
  return { view: params.get('view') ?? 'home', params };
}

/** The URL of a view with its parameters (empty ones left out). */
export function href(view: string, params: Record<string, string | number | null | undefined> = {}): string {
  const p = new URLSearchParams();
  if (view !== 'home') p.set('view', view);
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `/?${s}` : '/';
}

/** Goes to a URL of the dashboard without reloading the page. */
export function navigate(url: string): void {
  history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The current route, following link clicks and the back and forward buttons. */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onPop = () => setRoute(currentRoute());
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a');
      const url = a?.getAttribute('href');
      if (!a || !url || a.target || !(url === '/' || url.startsWith('/?'))) return;
      e.preventDefault();
      navigate(url);
    };
    addEventListener('popstate', onPop);
    document.addEventListener('click', onClick);
    return () => {
      removeEventListener('popstate', onPop);
      document.removeEventListener('click', onClick);
    };
  }, []);
  return route;
}
