import type { MouseEvent } from 'react';
import { useSyncExternalStore } from 'react';

/** Client-side routes: `/` (my sessions), `/sessions/<id>` and `/join/<code>`; the server answers each with the console. */
export const sessionPath = (sessionId: string): string => `/sessions/${sessionId}`;

export function sessionIdOf(path: string): string | undefined {
  return /^\/sessions\/([^/]+)$/.exec(path)?.[1];
}

/** An invitation link's code: what `/join/<code>` (the API's `path`) opens. */
export function invitationCodeOf(path: string): string | undefined {
  return /^\/join\/([^/]+)$/.exec(path)?.[1];
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
};

export const usePath = (): string => useSyncExternalStore(subscribe, () => window.location.pathname);

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** For a link's onClick: a plain click stays in the page; a middle or modified click opens a tab as usual. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.pathname);
}
