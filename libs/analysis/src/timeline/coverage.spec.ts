import { COVERAGE_RULES, assessCoverage, foldLoggedBy } from './coverage';

describe('coverage', () => {
  it('is trusted with at least 3 loggers who are at least 30 % of the active members', () => {
    const coverage = assessCoverage(new Set(['account:c', 'account:a', 'account:b']), 10, 12);
    expect(coverage).toEqual({ loggers: ['account:a', 'account:b', 'account:c'], share: 0.3, trusted: true });
  });

  it('is not trusted with fewer than 3 loggers, whatever their share', () => {
    const coverage = assessCoverage(new Set(['account:a', 'account:b']), 2, 5);
    expect(coverage.trusted).toBe(false);
    expect(coverage.share).toBe(1);
    expect(coverage.reason?.code).toBe('few_loggers');
    expect(coverage.reason?.en).toBe('Only 2 people logged interactions (at least 3 needed), so centralisation and betweenness may mostly show who logged.');
    expect(coverage.reason?.fi).toBe('Vain 2 henkilöä kirjasi tapahtumia (vähintään 3 tarvitaan), joten keskittyneisyys ja välittäjyys voivat kertoa lähinnä siitä, kuka kirjasi.');
  });

  it('is not trusted when loggers are under 30 % of the active members', () => {
    const coverage = assessCoverage(new Set(['a', 'b', 'c']), 11, 40);
    expect(coverage.trusted).toBe(false);
    expect(coverage.share).toBeCloseTo(3 / 11, 12);
    expect(coverage.reason?.code).toBe('low_share');
    expect(coverage.reason?.en).toBe('27 % of the 11 active members logged interactions (at least 30 % needed), so centralisation and betweenness may be biased towards those who logged.');
    expect(coverage.reason?.fi).toBe('27 % jakson 11 aktiivisesta jäsenestä kirjasi tapahtumia (vähintään 30 % tarvitaan), joten keskittyneisyys ja välittäjyys voivat painottua kirjaajiin.');
  });

  it('is not trusted for a bucket without interactions, nor when loggers are unknown', () => {
    expect(assessCoverage(new Set(), 0, 0).reason?.code).toBe('no_interactions');
    expect(assessCoverage(null, 8, 9)).toMatchObject({ loggers: [], share: 0, trusted: false, reason: { code: 'unknown_loggers' } });
  });

  it('takes its thresholds from the rules it is given', () => {
    expect(COVERAGE_RULES).toEqual({ minLoggers: 3, minShare: 0.3 });
    expect(assessCoverage(new Set(['a']), 2, 1, { minLoggers: 1, minShare: 0.5 }).trusted).toBe(true);
  });

  it('knows who logged each interaction from the actor of its InteractionLogged', () => {
    const index = foldLoggedBy([
      { type: 'InteractionLogged', data: { interactionId: 'i1' }, metadata: { actor: 'account:ann' } },
      { type: 'InteractionCorrected', data: { interactionId: 'i1' }, metadata: { actor: 'account:bob' } },
      { type: 'InteractionLogged', data: { interactionId: 'i2' }, metadata: { actor: 'token:import' } },
      { type: 'MemberJoined', data: {}, metadata: { actor: 'account:cid' } },
      { type: 'InteractionLogged', data: { interactionId: 'i3' } },
    ]);
    expect([...index]).toEqual([
      ['i1', 'account:ann'],
      ['i2', 'token:import'],
    ]);
  });
});
