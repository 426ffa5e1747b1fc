import { PlayerType } from '../../../src/game-sessions/domain/player-type';
import type { ParticipantView } from '../../../src/contract';
import { TableHead } from '../components/table-head';
import { formatTime, UserId } from './labels';

interface RosterTableProps {
  readonly players: readonly ParticipantView[];
  readonly me: string;
  /** Who has the session open right now, on any device. */
  readonly online: ReadonlySet<string>;
  /** The Game Master's view of a session that is not over: a remove button on every row but the Master's. */
  readonly canRemove: boolean;
  readonly onRemove: (participant: ParticipantView) => void;
}

export function RosterTable({ players, me, online, canRemove, onRemove }: RosterTableProps) {
  return (
    <table className="roster" aria-label="Roster">
      <TableHead columns={['Participant', 'Type', 'Joined', ...(canRemove ? [<span className="visually-hidden">Actions</span>] : [])]} />
      <tbody>
        {players.map((participant) => (
          <tr key={participant.userId}>
            <td>
              <Presence online={online.has(participant.userId)} />
              {participant.displayName !== null && <span className="display-name">{participant.displayName} </span>}
              <UserId id={participant.userId} />
              {participant.userId === me && <span className="you"> (you)</span>}
            </td>
            <td>
              <span className={`badge type-${participant.type.toLowerCase()}`}>{participant.type}</span>
            </td>
            <td>{formatTime(participant.joinedAt)}</td>
            {canRemove && (
              <td className="row-actions">
                {participant.type !== PlayerType.Master && (
                  <button
                    type="button"
                    className="danger subtle"
                    aria-label={`Remove ${participant.userId}`}
                    onClick={() => onRemove(participant)}
                  >
                    Remove
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A dot, with its words for screen readers and a tooltip. */
function Presence({ online }: { online: boolean }) {
  const label = online ? 'online' : 'offline';
  return <span className={`presence presence-${label}`} role="img" aria-label={label} title={online ? 'Has this session open now' : 'Not connected'} />;
}
