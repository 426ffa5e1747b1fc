import { useEffect, useRef } from 'react';
import type { RemovalView } from '../../../src/contract';
import { followLink } from '../navigation';
import { formatTime } from '../session/labels';

/** Where a removed (or leaving) participant lands, on every tab that showed the session. */
export function RemovedScreen({ removal, title }: { removal: RemovalView; title: string | undefined }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The page changed under the user: focus the news so that screen readers read it.
  useEffect(() => heading.current?.focus(), []);
  const removed = removal.reason === 'removed';
  const session = title ? `“${title}”` : 'the session';
  const remover = removal.removedBy?.displayName ? `${removal.removedBy.displayName} (the Game Master)` : 'The Game Master';
  return (
    <main className={removed ? 'removed' : 'removed left'}>
      <h1 ref={heading} tabIndex={-1}>
        {removed ? 'You were removed from this session' : 'You left this session'}
      </h1>
      <p>
        {removed ? `${remover} removed you from ${session}` : `You left ${session}`} at {formatTime(removal.at)}. You can
        no longer see its roster or history.
      </p>
      {removal.note !== null && <blockquote className="removal-note">“{removal.note}”</blockquote>}
      {removal.ban && (
        <p>
          {removal.ban.until === null
            ? 'You may not join it again unless the Game Master lifts the ban.'
            : `You may not join it again before ${formatTime(removal.ban.until)}.`}
        </p>
      )}
      <a className="button primary" href="/" onClick={followLink}>
        Back to my sessions
      </a>
    </main>
  );
}
