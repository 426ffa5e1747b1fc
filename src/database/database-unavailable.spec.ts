import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, provesConnectionDead } from './database-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const failedQuery = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['connection reset', withCode('read ECONNRESET', 'ECONNRESET')],
    ['admin shutdown (57P01)', failedQuery(withCode('terminating connection due to administrator command', '57P01'))],
    ['cannot connect now (57P03)', withCode('the database system is starting up', '57P03')],
    ['connection failure (08006)', withCode('connection failure', '08006')],
    ['statement timeout (57014)', failedQuery(withCode('canceling statement due to statement timeout', '57014'))],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['a connection that failed before its first query', failedQuery(new Error('Client has encountered a connection error and is not queryable'))],
  ])('says yes to %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error (42601)', failedQuery(withCode('syntax error at or near "SELEC"', '42601'))],
    ['a unique violation (23505)', failedQuery(withCode('duplicate key value', '23505'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['something that is not an error', 'boom'],
  ])('says no to %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('provesConnectionDead', () => {
  it('says yes to a query that never came back and to a connection that was cut', () => {
    expect(provesConnectionDead(new Error('Query read timeout'))).toBe(true);
    expect(provesConnectionDead(failedQuery(new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(provesConnectionDead(failedQuery(withCode('terminating connection due to administrator command', '57P01')))).toBe(true);
  });

  it('says no to a statement the server cancelled itself, and to errors of the request', () => {
    expect(provesConnectionDead(failedQuery(withCode('canceling statement due to statement timeout', '57014')))).toBe(false);
    expect(provesConnectionDead(failedQuery(withCode('duplicate key value', '23505')))).toBe(false);
  });
});
