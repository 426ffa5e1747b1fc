// The wire contract: what the server sends and accepts, shared by the server, the console and the tests.
export * from './invitations';
export * from './live-events';
export * from './problems';
export * from './removals';
export * from './session-views';
export * from './uuid';
