import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GameSessionView, ParticipantView, RemovalResult } from '../../../src/contract';
import { isFinalStatus } from '../../../src/game-sessions/domain/game-session-status';
import { PlayerType } from '../../../src/game-sessions/domain/player-type';
import { type RosterApi, publicApi } from '../api/roster-api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorMessage } from '../components/error-message';
import { useConfirmation } from '../components/use-confirmation';
import { useRequest } from '../components/use-request';
import { UserId } from './labels';
import { NO_TERMS, RemovalTermsFields, type RemovalTermsInput, termsOf } from './removal-terms';
import { type RosterControls, type RosterGroup, RosterTable } from './roster-table';
import { UndoToast } from './undo-toast';

/** A participant as the page names them: their name, else their id. */
export const nameOf = (participant: ParticipantView): string => participant.displayName ?? participant.userId;

/** Types in the order a table lists them when grouped: who runs it first, onlookers last. */
const GROUP_ORDER = [PlayerType.Master, PlayerType.Assistant, PlayerType.Player, PlayerType.Guest];
const PLURAL: Record<PlayerType, string> = { Master: 'Master', Assistant: 'Assistants', Player: 'Players', Guest: 'Guests' };

const SORTS = {
  roster: { label: 'Roster order', compare: () => 0 },
  name: { label: 'Name', compare: (a: ParticipantView, b: ParticipantView) => nameOf(a).localeCompare(nameOf(b)) },
  joined: { label: 'Newest first', compare: (a: ParticipantView, b: ParticipantView) => b.joinedAt.localeCompare(a.joinedAt) },
} as const;
type SortKey = keyof typeof SORTS;

/** The rows a search keeps (by name or id), sorted, in one list or under a heading per type with its count. */
function groupsOf(players: readonly ParticipantView[], query: string, byType: boolean, sort: SortKey): RosterGroup[] {
  const q = query.trim().toLowerCase();
  const matching = q === '' ? players : players.filter((p) => p.userId.includes(q) || (p.displayName ?? '').toLowerCase().includes(q));
  // A stable sort: within equal keys, the roster's order.
  const found = [...matching].sort(SORTS[sort].compare);
  if (!byType) return [{ heading: undefined, players: found }];
  return GROUP_ORDER.map((type) => ({ type, players: found.filter((p) => p.type === type) }))
    .filter((group) => group.players.length > 0)
    .map(({ type, players: ofType }) => ({ heading: `${PLURAL[type]} (${ofType.length})`, players: ofType }));
}

/**
 * The roster, and the Game Master's removal behind a confirmation. The dialog stays open if the
 * session changes meanwhile (finished elsewhere, say): the server decides, and its refusal shows.
 */
interface RosterPanelProps {
  readonly api: RosterApi;
  readonly me: string;
  readonly session: GameSessionView;
  readonly online: ReadonlySet<string>;
  readonly canRemove: boolean;
}

export function RosterPanel({ api, me, session, online, canRemove }: RosterPanelProps) {
  const removal = useConfirmation<ParticipantView>();
  const target = removal.subject;
  const [terms, setTerms] = useState<RemovalTermsInput>(NO_TERMS);
  const [undoable, setUndoable] = useState<ParticipantView>();
  const restoreWindow = useRestoreWindow(canRemove);
  const ask = (participant: ParticipantView) => {
    setTerms(NO_TERMS);
    removal.ask(participant);
  };
  const remove = (participant: ParticipantView) =>
    api.removeParticipant(session.id, participant.userId, termsOf(terms)).then(() => {
      setUndoable(participant);
      const removable = session.players.filter((p) => p.type !== PlayerType.Master);
      setFocusAfter({ userId: participant.userId, place: removable.findIndex((p) => p.userId === participant.userId) });
    });
  // After a removal the row is gone, and with it the focus: it goes to the row that took its place.
  const [focusAfter, setFocusAfter] = useState<{ userId: string; place: number }>();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focusAfter || session.players.some((p) => p.userId === focusAfter.userId)) return;
    setFocusAfter(undefined);
    const buttons = [...(panel.current?.querySelectorAll<HTMLButtonElement>('button[aria-label^="Remove "]') ?? [])];
    const next = buttons[Math.min(focusAfter.place, buttons.length - 1)];
    (next ?? panel.current?.querySelector<HTMLElement>('#roster'))?.focus();
  }, [focusAfter, session.players]);
  const dismiss = useCallback(() => setUndoable(undefined), []);
  const handOver = useConfirmation<ParticipantView>();
  const [then, setThen] = useState<'stay' | 'leave'>('stay');
  const typeChange = useRequest();
  const rename = useConfirmation<ParticipantView>();
  const [newName, setNewName] = useState('');
  const askRename = (participant: ParticipantView) => {
    setNewName(participant.displayName ?? '');
    rename.ask(participant);
  };
  const frozen = isFinalStatus(session.status);
  const [query, setQuery] = useState('');
  const [byType, setByType] = useState(false);
  const [sort, setSort] = useState<SortKey>('roster');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Whoever left the roster is no longer selectable.
  const seated = useMemo(() => new Set(session.players.map((p) => p.userId)), [session.players]);
  const ticked = useMemo(() => new Set([...selected].filter((id) => seated.has(id))), [selected, seated]);
  const controls: RosterControls | undefined = canRemove
    ? {
        remove: ask,
        changeType: (participant, type) => void typeChange.run(() => api.changeType(session.id, participant.userId, type)),
        handOver: (participant) => {
          setThen('stay');
          handOver.ask(participant);
        },
        selected: ticked,
        toggle: ({ userId }) => setSelected((now) => (now.has(userId) ? new Set([...now].filter((id) => id !== userId)) : new Set([...now, userId]))),
        pending: typeChange.pending,
      }
    : undefined;
  const mySeat = session.players.find((p) => p.userId === me);
  return (
    <section className="panel" aria-labelledby="roster" ref={panel}>
      <h2 id="roster" tabIndex={-1}>
        Roster ({session.players.length})
      </h2>
      <p className="muted counts">
        {session.players.filter((p) => online.has(p.userId)).length} of {session.players.length} online
      </p>
      <div className="roster-tools">
        <label className="field">
          Find
          <input type="search" value={query} placeholder="a name or an id" onChange={(event) => setQuery(event.target.value)} />
        </label>
        <label className="field">
          Sort
          <select value={sort} onChange={(event) => setSort(event.target.value as SortKey)}>
            {Object.entries(SORTS).map(([key, { label }]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="field checkbox">
          <input type="checkbox" checked={byType} onChange={(event) => setByType(event.target.checked)} /> Group by role
        </label>
        {controls && (
          <BulkRemoval api={api} session={session} userIds={[...ticked]} onDone={() => setSelected(new Set())} />
        )}
      </div>
      <ErrorMessage>{typeChange.error}</ErrorMessage>
      <RosterTable
        groups={groupsOf(session.players, query, byType, sort)}
        me={me}
        online={online}
        controls={controls}
        onRename={frozen ? undefined : askRename}
      />
      <ConfirmDialog
        {...rename.dialog}
        title="Rename"
        confirmLabel="Rename"
        tone="primary"
        onConfirm={() => rename.confirm((participant) => api.renameParticipant(session.id, participant.userId, newName.trim() === '' ? null : newName))}
      >
        {rename.subject && (
          <label className="field">
            {rename.subject.userId === me ? 'Your name at the table' : `Name of ${nameOf(rename.subject)} at the table`}
            <input value={newName} maxLength={64} onChange={(event) => setNewName(event.target.value)} />
            <span className="muted">Empty: no name; the table then shows the id.</span>
          </label>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        {...handOver.dialog}
        title="Hand over the Game Master role"
        confirmLabel="Hand over"
        onConfirm={() => handOver.confirm((participant) => api.handOver(session.id, participant.userId, then))}
      >
        {handOver.subject && (
          <>
            <p>
              Make {nameOf(handOver.subject)} the Game Master of “{session.title}”? They take the Master seat and run the table;
              you, {mySeat ? nameOf(mySeat) : 'the Game Master now'}, can no longer manage it.
            </p>
            <fieldset className="choice">
              <legend>Then you</legend>
              <label>
                <input type="radio" name="then" checked={then === 'stay'} onChange={() => setThen('stay')} /> stay as a Player
              </label>
              <label>
                <input type="radio" name="then" checked={then === 'leave'} onChange={() => setThen('leave')} /> leave the session
              </label>
            </fieldset>
          </>
        )}
      </ConfirmDialog>
      {undoable && restoreWindow && (
        <UndoToast
          key={undoable.userId}
          who={undoable.displayName ?? undoable.userId}
          seconds={restoreWindow}
          onUndo={() => api.restoreParticipant(session.id, undoable.userId)}
          onDone={dismiss}
        />
      )}
      <ConfirmDialog {...removal.dialog} title="Remove participant" confirmLabel="Remove participant" onConfirm={() => removal.confirm(remove)}>
        {target && (
          <>
            <p>
              Remove {target.displayName && <strong>{target.displayName} </strong>}
              <UserId id={target.userId} />, seated as <strong>{target.type}</strong>, from “{session.title}”? They see at once that
              they were removed; only you can seat them again.
            </p>
            <RemovalTermsFields value={terms} onChange={setTerms} />
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}

/** How long a removal can be undone here, as the server says; read once, for the Game Master. */
function useRestoreWindow(wanted: boolean): number | undefined {
  const [seconds, setSeconds] = useState<number>();
  useEffect(() => {
    if (!wanted) return;
    publicApi.settings().then(
      (settings) => setSeconds(settings.restoreWindowSeconds),
      () => setSeconds(undefined),
    );
  }, [wanted]);
  return seconds;
}


/**
 * Removing the ticked participants at once: the dialog first shows what the server would do to
 * each (a dry run), then removes them all in one change.
 */
function BulkRemoval({ api, session, userIds, onDone }: { api: RosterApi; session: GameSessionView; userIds: readonly string[]; onDone: () => void }) {
  const bulk = useConfirmation<readonly string[]>();
  const [preview, setPreview] = useState<readonly RemovalResult[]>();
  const [previewError, setPreviewError] = useState<string>();
  const open = async () => {
    setPreview(undefined);
    setPreviewError(undefined);
    bulk.ask(userIds);
    await api.removeParticipants(session.id, userIds, true).then(
      (answer) => setPreview(answer.results),
      (error: unknown) => setPreviewError(error instanceof Error ? error.message : String(error)),
    );
  };
  const names = new Map(session.players.map((p) => [p.userId, nameOf(p)]));
  return (
    <>
      <button type="button" className="danger" disabled={userIds.length === 0} onClick={open}>
        Remove selected ({userIds.length})
      </button>
      <ConfirmDialog
        {...bulk.dialog}
        title="Remove selected participants"
        confirmLabel={`Remove ${preview?.filter((r) => r.outcome === 'would-remove').length ?? 0}`}
        onConfirm={() =>
          bulk.confirm(async (ids) => {
            await api.removeParticipants(session.id, ids, false);
            onDone();
          })
        }
      >
        <ErrorMessage>{previewError}</ErrorMessage>
        {!preview && !previewError && <p className="muted">Asking the server what it would do…</p>}
        {preview && (
          <ul className="bulk-preview" aria-label="What would happen">
            {preview.map((result) => (
              <li key={result.userId}>
                {names.get(result.userId) ?? result.userId}: {result.outcome === 'would-remove' ? 'removed' : `stays (${result.outcome})`}
              </li>
            ))}
          </ul>
        )}
      </ConfirmDialog>
    </>
  );
}
