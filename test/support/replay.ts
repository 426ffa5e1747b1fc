interface LoggedEvent {
  event: string;
  seq: number;
  userId?: string;
  type?: string;
  to?: string;
}

/** Rebuilds a roster from a session's log alone: the log must always explain the roster. */
export function replayRoster(events: readonly LoggedEvent[]): { userId: string; type: string }[] {
  const roster = new Map<string, string>();
  for (const e of events) {
    if (e.event === 'ParticipantJoined') roster.set(e.userId!, e.type!);
    if (e.event === 'ParticipantLeft') roster.delete(e.userId!);
  }
  return [...roster].map(([userId, type]) => ({ userId, type }));
}

/** seq runs 1, 2, 3, … with no gap and no repeat. */
export function expectContiguousSeq(events: readonly LoggedEvent[]): void {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
}
