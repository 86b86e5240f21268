/**
 * Chunks fetched before they are needed. The home page is what every login leads to: the login form fetches its
 * chunk once the form is painted and the browser is idle, so that after "Đăng nhập" only the data is awaited, not
 * a further script download (on a Fast-3G phone each round trip is ~0.56 s; issue 13 §6).
 */
export const loadHomePage = () => import('../features/home/HomePage.tsx');

/** Runs `work` when the browser is idle after the current paint (or after a short delay where idle callbacks are missing). */
export function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(work, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(work, 200);
  return () => window.clearTimeout(id);
}
