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
