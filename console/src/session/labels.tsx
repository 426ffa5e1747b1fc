import { useEffect, useState } from 'react';
import { GameSessionStatus } from '../../../src/game-sessions/domain/game-session-status';

const STATUS_NAMES: Record<GameSessionStatus, string> = {
  [GameSessionStatus.Draft]: 'Draft',
  [GameSessionStatus.Scheduled]: 'Scheduled',
  [GameSessionStatus.InProgress]: 'In progress',
  [GameSessionStatus.Paused]: 'Paused',
  [GameSessionStatus.Finished]: 'Finished',
  [GameSessionStatus.Cancelled]: 'Cancelled',
};

export const statusName = (status: GameSessionStatus): string => STATUS_NAMES[status];

export function StatusBadge({ status }: { status: GameSessionStatus }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{statusName(status)}</span>;
}

export const formatTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A user id in full, set in a typeface where its characters line up. */
export function UserId({ id }: { id: string }) {
  return <code className="user-id">{id}</code>;
}

/** A user id, secondary to the name, that copies itself when clicked (to paste into another tool). */
export function CopyableUserId({ id }: { id: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="copy-id"
      aria-label={`${id}, copy`}
      title={copied ? 'Copied' : 'Copy the id'}
      onClick={() => navigator.clipboard?.writeText(id).then(() => setCopied(true), () => undefined)}
    >
      <UserId id={id} />
    </button>
  );
}

/** A colour of its own for each user, from their id: the same person looks the same everywhere. */
export function Avatar({ userId, name }: { userId: string; name: string | null }) {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const initials = (name ?? '?')
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => [...word][0]?.toUpperCase() ?? '')
    .join('');
  return (
    <span className={`avatar hue-${hash % 12}`} aria-hidden="true">
      {initials}
    </span>
  );
}

const RELATIVE = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "3 minutes ago", "yesterday": how long ago (or how soon), in the reader's language. */
export function relativeTime(iso: string, now: number): string {
  let amount = (Date.parse(iso) - now) / 1000;
  if (Math.abs(amount) < 45) return 'just now';
  for (const [unit, next] of STEPS) {
    if (Math.abs(amount) < next) return RELATIVE.format(Math.round(amount), unit);
    amount /= next;
  }
  return formatTime(iso);
}

/** Re-renders its user every `everyMs`, so that "3 minutes ago" keeps telling the truth. */
function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A moment as a reader takes it in: how long ago, with the exact time on hover (and for machines). */
export function When({ iso }: { iso: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatTime(iso)}>
      {relativeTime(iso, now)}
    </time>
  );
}
