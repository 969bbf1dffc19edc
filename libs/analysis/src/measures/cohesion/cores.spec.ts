import { asRecord, expectClosePerNode, fixtureCsr, goldenFixtures } from '../../../../../test/fixtures/golden-fixtures';
import { coreNumbers, largestCore } from './cores';

describe('core numbers', () => {
  it.each(goldenFixtures().map((f) => [f.name, f] as const))('equal networkx core_number on the %s fixture', (_name, fixture) => {
    const csr = fixtureCsr(fixture);
    const core = coreNumbers(csr);
    expectClosePerNode(asRecord(csr, core), fixture.expected.coreNumber, 0);
    expect(largestCore(core)).toBe(fixture.expected.network.largestKCore);
  });
});
