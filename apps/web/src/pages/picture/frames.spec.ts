import { frameReader } from './frames';
import type { StepsAnswer } from './picture-view';

const measures = (degree: number[]) => ({ degree, strength: degree, betweenness: degree.map(() => 0), closeness: degree, eigenvector: degree, clustering: degree.map(() => 0), constraint: degree.map((d) => (d === 0 ? null : 1)) });

/** a–b in January; c joins and ties to a in February (a–b deepens); b leaves in March, and a–b with them. */
const answer: StepsAnswer = {
  interval: 'month',
  window: 'cumulative',
  timeZone: 'UTC',
  steps: ['2024-01-31T23:59:59.999Z', '2024-02-29T23:59:59.999Z', '2024-03-31T23:59:59.999Z'],
  members: [
    { id: 'a', name: 'Aino', type: 'company', role: 'member', joinedAt: '2024-01-01T00:00:00.000Z' },
    { id: 'b', name: 'Bertta', type: 'research', role: 'member', joinedAt: '2024-01-01T00:00:00.000Z' },
    { id: 'c', name: 'Cecilia', type: 'policy', role: 'member', joinedAt: '2024-02-01T00:00:00.000Z' },
  ],
  ties: [[0, 1], [0, 2]],
  kinds: ['acquainted', 'discussed', 'exchanged_information'],
  frames: [
    { at: '2024-01-31T23:59:59.999Z', members: [0, 1], ties: [0, 0, 1], gone: [], measures: measures([1, 1]) },
    { at: '2024-02-29T23:59:59.999Z', members: [0, 1, 2], ties: [0, 2, 3.5, 1, 1, 2], gone: [], measures: measures([2, 1, 1]) },
    { at: '2024-03-31T23:59:59.999Z', members: [0, 2], ties: [], gone: [0], measures: measures([1, 1]) },
  ],
};

const summary = (picture: ReturnType<ReturnType<typeof frameReader>['picture']>) => ({
  at: picture.at,
  members: picture.nodes.map((n) => `${n.name} ${n.measures.degree}`),
  ties: picture.ties.map((t) => `${t.a}–${t.b} ${t.deepestKind} ${t.strength}`).sort(),
});

const february = { at: '2024-02-29T23:59:59.999Z', members: ['Aino 2', 'Bertta 1', 'Cecilia 1'], ties: ['a–b exchanged_information 3.5', 'a–c discussed 2'] };
const march = { at: '2024-03-31T23:59:59.999Z', members: ['Aino 1', 'Cecilia 1'], ties: ['a–c discussed 2'] };

it('reads each frame as the first one with the changes up to it applied', () => {
  const reader = frameReader(answer);
  expect(summary(reader.picture(0))).toEqual({ at: '2024-01-31T23:59:59.999Z', members: ['Aino 1', 'Bertta 1'], ties: ['a–b acquainted 1'] });
  expect(summary(reader.picture(1))).toEqual(february);
  expect(summary(reader.picture(2))).toEqual(march);
});

it('jumps forward past frames and back to earlier ones', () => {
  const reader = frameReader(answer);
  expect(summary(reader.picture(2))).toEqual(march);
  expect(summary(reader.picture(1))).toEqual(february);
  expect(summary(reader.picture(1))).toEqual(february);
});

it('gives each member the measures of that frame, a missing one as null', () => {
  const [a, b] = frameReader(answer).picture(0).nodes;
  expect(a).toEqual({ id: 'a', name: 'Aino', type: 'company', role: 'member', joinedAt: '2024-01-01T00:00:00.000Z', measures: { degree: 1, strength: 1, betweenness: 0, closeness: 1, eigenvector: 1, clustering: 0, constraint: 1 } });
  expect(b.measures.constraint).toBe(1);
  expect(frameReader({ ...answer, frames: [{ ...answer.frames[0], measures: measures([0, 0]) }] }).picture(0).nodes[0].measures.constraint).toBeNull();
});
