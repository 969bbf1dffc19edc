import { StoreUnavailableError } from '../../event-store.port';
import { translatePostgresError } from './postgres-errors';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('which PostgreSQL failures mean "unavailable"', () => {
  it.each([
    ['the server refused the connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['the server shut down under a statement', withCode('terminating connection due to administrator command', '57P01')],
    ['the server is still starting', withCode('the database system is starting up', '57P03')],
    ['no connection slot', withCode('sorry, too many clients already', '53300')],
    ['a connection exception', withCode('connection failure', '08006')],
    ['the socket died mid-query', new Error('Connection terminated unexpectedly')],
    ['no connection within the timeout', new Error('timeout exceeded when trying to connect')],
  ])('%s → StoreUnavailableError, keeping the cause', (_, error) => {
    const translated = translatePostgresError(error);
    expect(translated).toBeInstanceOf(StoreUnavailableError);
    expect((translated as StoreUnavailableError).cause).toBe(error);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a syntax error', withCode('syntax error at or near "SELEC"', '42601')],
    ['a missing table', withCode('relation "events" does not exist', '42P01')],
  ])('%s stays as it is (retrying would not help)', (_, error) => {
    expect(translatePostgresError(error)).toBe(error);
  });
});
