import { availableParallelism } from 'node:os';
import { InvalidConfiguration, loadEnvironment } from './environment';
import { SolmuConfig } from './solmu-config';

describe('configuration', () => {
  it('defaults to the embedded SQLite file on port 3000', () => {
    const config = new SolmuConfig(loadEnvironment({}));
    expect([config.port, config.eventStore]).toEqual([3000, { kind: 'sqlite', path: './data/solmu.db' }]);
  });

  it('reads PORT and SOLMU_DB, and treats empty values as unset', () => {
    const config = new SolmuConfig(loadEnvironment({ PORT: '8080', SOLMU_DB: '/var/lib/solmu/events.db', LOG_LEVEL: '' }));
    expect([config.port, config.eventStore, config.logLevel]).toEqual([8080, { kind: 'sqlite', path: '/var/lib/solmu/events.db' }, 'log']);
  });

  it('switches to EventStoreDB when a connection string is set, hiding credentials when described', () => {
    const config = new SolmuConfig(loadEnvironment({ EVENTSTORE_CONNECTION_STRING: 'esdb://admin:changeit@localhost:2113?tls=false' }));
    expect(config.eventStore).toEqual({ kind: 'esdb', connectionString: 'esdb://admin:changeit@localhost:2113?tls=false' });
    expect(config.describeStore()).toBe('EventStoreDB esdb://***@localhost:2113?tls=false');
  });

  it('puts events, identities and keys in PostgreSQL when SOLMU_DATABASE_URL is set, hiding credentials when described', () => {
    const url = 'postgres://solmu:s3cret@db.example:5432/solmu';
    const config = new SolmuConfig(loadEnvironment({ SOLMU_DATABASE_URL: url }));
    expect(config.eventStore).toEqual({ kind: 'postgres', connectionString: url });
    expect(config.identityStore).toEqual({ kind: 'postgres', connectionString: url });
    expect(config.keyStore).toEqual({ kind: 'postgres', connectionString: url });
    expect(config.describeStore()).toBe('PostgreSQL postgres://***@db.example:5432/solmu');
  });

  it('keeps the keys in a file when SOLMU_KEYS_DB names one beside PostgreSQL', () => {
    const config = new SolmuConfig(loadEnvironment({ SOLMU_DATABASE_URL: 'postgresql://db/solmu', SOLMU_KEYS_DB: '/secure/keys.db' }));
    expect(config.keyStore).toEqual({ kind: 'sqlite', path: '/secure/keys.db' });
    expect(config.identityStore).toEqual({ kind: 'postgres', connectionString: 'postgresql://db/solmu' });
  });

  it('refuses a SOLMU_DATABASE_URL that is not a postgres:// URL, and two event stores at once', () => {
    expect(() => loadEnvironment({ SOLMU_DATABASE_URL: 'mysql://db/solmu' })).toThrow(/SOLMU_DATABASE_URL="mysql:\/\/db\/solmu": SOLMU_DATABASE_URL must look like postgres:/);
    expect(() => loadEnvironment({ SOLMU_DATABASE_URL: 'postgres://db/solmu', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113' })).toThrow(
      /SOLMU_DATABASE_URL and EVENTSTORE_CONNECTION_STRING/,
    );
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadEnvironment({ PORT: 'eighty', EVENTSTORE_CONNECTION_STRING: 'http://x' })).toThrow(InvalidConfiguration);
    expect(() => loadEnvironment({ PORT: 'eighty', EVENTSTORE_CONNECTION_STRING: 'http://x' })).toThrow(/PORT="eighty"[\s\S]*EVENTSTORE_CONNECTION_STRING="http:\/\/x"/);
  });

  it('gives new networks UTC unless SOLMU_TIME_ZONE names an IANA zone, and refuses a zone Intl does not know', () => {
    expect(new SolmuConfig(loadEnvironment({})).defaultTimeZone).toBe('UTC');
    expect(new SolmuConfig(loadEnvironment({ SOLMU_TIME_ZONE: 'Europe/Helsinki' })).defaultTimeZone).toBe('Europe/Helsinki');
    expect(() => loadEnvironment({ SOLMU_TIME_ZONE: 'Mars/Olympus' })).toThrow(/SOLMU_TIME_ZONE="Mars\/Olympus"/);
  });

  it('reads where Slack\'s Web API is, refusing a non-URL', () => {
    expect(new SolmuConfig(loadEnvironment({})).slackApiUrl).toBe('https://slack.com/api');
    expect(new SolmuConfig(loadEnvironment({ SOLMU_SLACK_API_URL: 'http://127.0.0.1:9999/api/' })).slackApiUrl).toBe('http://127.0.0.1:9999/api');
    expect(() => loadEnvironment({ SOLMU_SLACK_API_URL: 'slack.com' })).toThrow(/SOLMU_SLACK_API_URL="slack.com"/);
  });

  it('sizes the analysis pool from SOLMU_ANALYSIS_WORKERS, by default one less than the cores (at least one)', () => {
    expect(new SolmuConfig(loadEnvironment({ SOLMU_ANALYSIS_WORKERS: '3' })).analysisWorkers).toBe(3);
    expect(new SolmuConfig(loadEnvironment({})).analysisWorkers).toBe(Math.max(1, availableParallelism() - 1));
    for (const bad of ['0', 'two', '1.5', '65']) expect(() => loadEnvironment({ SOLMU_ANALYSIS_WORKERS: bad })).toThrow(/SOLMU_ANALYSIS_WORKERS/);
  });

  it('keeps webhooks beside the events, refuses private receivers unless told, and reads the first retry delay', () => {
    const config = new SolmuConfig(loadEnvironment({ SOLMU_DB: '/var/lib/solmu/events.db' }));
    expect([config.webhookStore, config.webhooks]).toEqual([{ kind: 'sqlite', path: '/var/lib/solmu/solmu-webhooks.db' }, { allowPrivate: false, firstRetryMs: 10_000 }]);
    const pg = new SolmuConfig(loadEnvironment({ SOLMU_DATABASE_URL: 'postgres://db/solmu', SOLMU_WEBHOOKS_ALLOW_PRIVATE: 'true', SOLMU_WEBHOOKS_FIRST_RETRY_MS: '500' }));
    expect([pg.webhookStore, pg.webhooks]).toEqual([{ kind: 'postgres', connectionString: 'postgres://db/solmu' }, { allowPrivate: true, firstRetryMs: 500 }]);
    expect(() => loadEnvironment({ SOLMU_WEBHOOKS_ALLOW_PRIVATE: 'yes' })).toThrow(/SOLMU_WEBHOOKS_ALLOW_PRIVATE="yes"/);
    expect(() => loadEnvironment({ SOLMU_WEBHOOKS_FIRST_RETRY_MS: '5' })).toThrow(/SOLMU_WEBHOOKS_FIRST_RETRY_MS/);
  });
});
