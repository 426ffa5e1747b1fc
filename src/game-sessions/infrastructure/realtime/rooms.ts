/** Every socket subscribed to a session, on this instance. */
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

/** Every socket of one user: all tabs and devices. */
export const userRoom = (userId: string): string => `user:${userId}`;
