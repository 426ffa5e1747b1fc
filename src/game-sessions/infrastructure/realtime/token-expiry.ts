import type { LiveSocket } from './live-socket';

/** setTimeout's longest delay; a later expiry is reached in several steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** A socket lives no longer than its token: at `expiresAt` it is told so, then disconnected. */
export function disconnectAt(socket: LiveSocket, expiresAt: Date): { cancel(): void } {
  let timer: NodeJS.Timeout;
  const schedule = () => {
    const left = expiresAt.getTime() - Date.now();
    if (left <= 0) {
      socket.emit('TokenExpired', { expiredAt: expiresAt.toISOString() });
      socket.disconnect(true);
      return;
    }
    timer = setTimeout(schedule, Math.min(left, LONGEST_TIMER_MS));
  };
  schedule();
  return { cancel: () => clearTimeout(timer) };
}
