import { MEASURES, type Picture, type PictureTie, type StepsAnswer } from './picture-view';

/**
 * Pictures from a /graph/steps answer, in memory: a slider step, Play or a jump is drawn from here
 * without a request. A frame carries only its ties' changes since the frame before, so the reader keeps
 * the ties of the frame it read last and moves forward from there; going back starts again from the
 * first frame (a few thousand small changes at most, well under a millisecond per hundred).
 */
export interface FrameReader {
  picture(step: number): Picture;
}

export function frameReader(answer: StepsAnswer): FrameReader {
  /** Ties of frame `at`: tie index → [kind index, strength]. */
  let ties = new Map<number, [number, number]>();
  let at = -1;
  const apply = (k: number) => {
    const frame = answer.frames[k];
    for (const index of frame.gone) ties.delete(index);
    for (let i = 0; i < frame.ties.length; i += 3) ties.set(frame.ties[i], [frame.ties[i + 1], frame.ties[i + 2]]);
  };
  return {
    picture(step) {
      if (step < at) {
        ties = new Map();
        at = -1;
      }
      while (at < step) apply(++at);
      const frame = answer.frames[step];
      const nodes = frame.members.map((index, i) => {
        const measures = {} as Picture['nodes'][number]['measures'];
        for (const m of MEASURES) measures[m] = frame.measures[m][i];
        return { ...answer.members[index], measures };
      });
      const drawn: PictureTie[] = [];
      for (const [index, [kind, strength]] of ties) {
        const [a, b] = answer.ties[index];
        drawn.push({ a: answer.members[a].id, b: answer.members[b].id, deepestKind: answer.kinds[kind], strength });
      }
      return { at: frame.at, nodes, ties: drawn };
    },
  };
}
