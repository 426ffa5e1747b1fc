import { PlayerType } from '../../../src/game-sessions/domain/player-type';
import type { ParticipantView } from '../../../src/contract';
import { TableHead } from '../components/table-head';
import { SEATABLE_TYPES } from './add-participant-form';
import { Avatar, CopyableUserId, When } from './labels';

/** What the Game Master can do to a row, on a roster that is not frozen; none for anyone else. */
export interface RosterControls {
  readonly remove: (participant: ParticipantView) => void;
  readonly changeType: (participant: ParticipantView, type: PlayerType) => void;
  readonly handOver: (participant: ParticipantView) => void;
  /** The rows ticked for a bulk removal. */
  readonly selected: ReadonlySet<string>;
  readonly toggle: (participant: ParticipantView) => void;
  /** While a change of the roster runs, its controls wait. */
  readonly pending: boolean;
}

/** Rows under a heading (a type, with its count), or all of them under none. */
export interface RosterGroup {
  readonly heading: string | undefined;
  readonly players: readonly ParticipantView[];
}

interface RosterTableProps {
  readonly groups: readonly RosterGroup[];
  readonly me: string;
  /** Who has the session open right now, on any device. */
  readonly online: ReadonlySet<string>;
  readonly controls: RosterControls | undefined;
  /** Renaming, while the roster is open: the GM renames anyone, a participant themselves. */
  readonly onRename: ((participant: ParticipantView) => void) | undefined;
}

export function RosterTable({ groups, me, online, controls, onRename }: RosterTableProps) {
  const columns = ['Participant', 'Type', 'Joined', ...(controls ? [<span className="visually-hidden">Actions</span>] : [])];
  return (
    <table className="roster" aria-label="Roster">
      <TableHead columns={columns} />
      {groups.map((group) => (
        <tbody key={group.heading ?? 'all'}>
          {group.heading && (
            <tr className="group">
              <th scope="rowgroup" colSpan={columns.length}>
                {group.heading}
              </th>
            </tr>
          )}
          {group.players.map((participant) => (
            <RosterRow
              key={participant.userId}
              participant={participant}
              me={me}
              online={online.has(participant.userId)}
              controls={controls}
              onRename={controls || participant.userId === me ? onRename : undefined}
            />
          ))}
        </tbody>
      ))}
    </table>
  );
}

interface RosterRowProps {
  readonly participant: ParticipantView;
  readonly me: string;
  readonly online: boolean;
  readonly controls: RosterControls | undefined;
  readonly onRename: ((participant: ParticipantView) => void) | undefined;
}

function RosterRow({ participant, me, online, controls, onRename }: RosterRowProps) {
  const master = participant.type === PlayerType.Master;
  return (
    <tr>
      <td>
        {controls && !master && (
          <input
            type="checkbox"
            className="select"
            aria-label={`Select ${participant.userId}`}
            checked={controls.selected.has(participant.userId)}
            onChange={() => controls.toggle(participant)}
          />
        )}
        <Presence online={online} />
        <Avatar userId={participant.userId} name={participant.displayName} />
        {participant.displayName !== null && <span className="display-name">{participant.displayName} </span>}
        <CopyableUserId id={participant.userId} />
        {participant.userId === me && <span className="you"> (you)</span>}
        {onRename && (
          <button type="button" className="subtle inline" aria-label={`Rename ${participant.userId}`} onClick={() => onRename(participant)}>
            Rename
          </button>
        )}
      </td>
      <td>
        {controls && !master ? (
          <select
            aria-label={`Type of ${participant.userId}`}
            value={participant.type}
            disabled={controls.pending}
            onChange={(event) => controls.changeType(participant, event.target.value as PlayerType)}
          >
            {SEATABLE_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        ) : (
          <span className={`badge type-${participant.type.toLowerCase()}`}>{participant.type}</span>
        )}
      </td>
      <td>
        <When iso={participant.joinedAt} />
      </td>
      {controls && (
        <td className="row-actions">
          {!master && (
            <>
              <button type="button" className="subtle" aria-label={`Make Game Master: ${participant.userId}`} onClick={() => controls.handOver(participant)}>
                Make Game Master
              </button>
              <button type="button" className="danger subtle" aria-label={`Remove ${participant.userId}`} onClick={() => controls.remove(participant)}>
                Remove
              </button>
            </>
          )}
        </td>
      )}
    </tr>
  );
}

/** A dot, with its words for screen readers and a tooltip. */
function Presence({ online }: { online: boolean }) {
  const label = online ? 'online' : 'offline';
  return <span className={`presence presence-${label}`} role="img" aria-label={label} title={online ? 'Has this session open now' : 'Not connected'} />;
}
