const SESSION_ROOM = 'session:';

/** Every socket subscribed to a session, on this instance. */
export const sessionRoom = (sessionId: string): string => `${SESSION_ROOM}${sessionId}`;

/** The sessions whose rooms are among `rooms`. */
export const sessionsIn = (rooms: Iterable<string>): string[] =>
  [...rooms].filter((room) => room.startsWith(SESSION_ROOM)).map((room) => room.slice(SESSION_ROOM.length));

/** Every socket of one user: all tabs and devices. */
export const userRoom = (userId: string): string => `user:${userId}`;
