import { useState } from 'react';
import type { BanView, ParticipantView, SessionEventView } from '../../../src/contract';
import { ErrorMessage } from '../components/error-message';
import { TableHead } from '../components/table-head';
import { When, formatTime, statusName } from './labels';

interface HistoryTableProps {
  readonly events: readonly SessionEventView[] | undefined;
  readonly error: string | undefined;
  readonly ownerId: string;
  readonly me: string;
  readonly players: readonly ParticipantView[];
}

/**
 * By the name the roster gives them now where it has one, else the last the log gave them (someone
 * who left); "Game Master" names whoever holds the role today.
 */
export function namer(
  players: readonly ParticipantView[],
  ownerId: string,
  me: string,
  log: readonly SessionEventView[] = [],
): (userId: string) => string {
  const named = new Map<string, string | null>();
  for (const event of log) if ('displayName' in event && 'userId' in event) named.set(event.userId, event.displayName);
  for (const p of players) named.set(p.userId, p.displayName);
  return (userId) => (userId === me ? 'You' : (named.get(userId) ?? (userId === ownerId ? 'Game Master' : userId)));
}

/** How many of the latest entries show before "Show all". */
const LATEST = 10;

/** The session's log, newest first: when, who acted, what happened, and why someone left. */
export function HistoryTable({ events, error, ownerId, me, players }: HistoryTableProps) {
  const name = namer(players, ownerId, me, events);
  const [all, setAll] = useState(false);
  const newestFirst = events ? [...events].reverse() : [];
  const shown = all ? newestFirst : newestFirst.slice(0, LATEST);
  return (
    <section className="panel" aria-labelledby="history">
      <h2 id="history">History</h2>
      <ErrorMessage>{error}</ErrorMessage>
      {!events && !error && <p className="muted">Loading the history…</p>}
      {events && (
        <table className="history" aria-label="History">
          <TableHead columns={['Time', 'Actor', 'What happened', 'Reason']} />
          <tbody>
            {shown.map((event) => {
              const { actor, what, reason } = describeEvent(event, ownerId, name);
              return (
                <tr key={event.seq}>
                  <td>
                    <When iso={event.occurredAt} />
                  </td>
                  <td>{actor}</td>
                  <td>{what}</td>
                  <td>{reason}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!all && newestFirst.length > LATEST && (
        <button type="button" onClick={() => setAll(true)}>
          Show all ({newestFirst.length})
        </button>
      )}
    </section>
  );
}

/** Only the Game Master seats people and moves the status; a leaving participant acts for themselves. */
export function describeEvent(event: SessionEventView, ownerId: string, name: (userId: string) => string) {
  switch (event.event) {
    case 'ParticipantJoined':
      return event.userId === ownerId
        ? { actor: name(ownerId), what: 'Created the session as its Master', reason: '—' }
        : { actor: name(ownerId), what: `Seated ${name(event.userId)} as ${event.type}`, reason: '—' };
    case 'ParticipantLeft':
      return event.removedBy
        ? { actor: name(event.removedBy), what: `Removed ${name(event.userId)} (${event.type})${banned(event.ban)}`, reason: event.note ?? event.reason }
        : { actor: name(event.userId), what: `Left the session (${event.type})`, reason: event.note ?? event.reason };
    case 'ParticipantRestored':
      return { actor: name(event.restoredBy), what: `Undid the removal of ${name(event.userId)} (${event.type})`, reason: '—' };
    case 'ParticipantTypeChanged':
      return { actor: name(event.changedBy), what: `Made ${name(event.userId)} ${withArticle(event.to)} (was ${withArticle(event.from)})`, reason: '—' };
    case 'GameMasterChanged':
      return {
        actor: name(event.from),
        what: `Handed the Game Master role to ${name(event.to)}${event.previousGameMaster === 'left' ? ' and left' : ', staying as a Player'}`,
        reason: '—',
      };
    case 'BanLifted':
      return { actor: name(event.liftedBy), what: `Lifted the ban on ${name(event.userId)}`, reason: '—' };
    case 'ParticipantRenamed':
      return {
        actor: name(event.renamedBy),
        what: event.displayName === null ? `Cleared the name of ${name(event.userId)}` : `Named ${name(event.userId)} "${event.displayName}"`,
        reason: '—',
      };
    case 'SessionStatusChanged':
      return { actor: name(ownerId), what: `Moved the session from ${statusName(event.from)} to ${statusName(event.to)}`, reason: '—' };
  }
}

const banned = (ban: BanView | null): string => (ban === null ? '' : ban.until === null ? ', banned until lifted' : `, banned until ${formatTime(ban.until)}`);

const withArticle = (type: string): string => `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;
