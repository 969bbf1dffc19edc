import { expectClose, fixtureCsr, goldenFixtures } from '../../../../../test/fixtures/golden-fixtures';
import { connectedComponents } from './components';

describe('connected components', () => {
  it.each(goldenFixtures().map((f) => [f.name, f] as const))(
    'count, largest share and isolates equal networkx on the %s fixture',
    (_name, fixture) => {
      const result = connectedComponents(fixtureCsr(fixture));
      expect(result.count).toBe(fixture.expected.network.components);
      expect(result.isolates).toBe(fixture.expected.network.isolates);
      expectClose(result.largestShare, fixture.expected.network.largestComponentShare);
    },
  );

  it('labels every member of a component alike and components apart', () => {
    const csr = fixtureCsr(goldenFixtures().find((f) => f.name === 'disconnected')!);
    const { label } = connectedComponents(csr);
    for (let v = 0; v < csr.n; v++) {
      for (let j = csr.offsets[v]; j < csr.offsets[v + 1]; j++) expect(label[csr.neighbours[j]]).toBe(label[v]);
    }
    expect(label[csr.indexOf.get('300')!]).not.toBe(label[csr.indexOf.get('301')!]);
  });
});
