/**
 * What-if work kept between tips of the same live picture. Previews depend on the structure only
 * (who is tied to whom), so while new interactions fall on existing ties every preview is reused;
 * when one tie appears the base figures are moved on from the previous ones (searching again only
 * from the sources the tie affects) and the previews are made again. Anything else starts afresh.
 *
 * One memo per live picture (network, window, weights), passed as `context.whatIf` to `tips`.
 */
import type { Csr } from '../measures/engine/csr';
import { diffStructure } from '../measures/engine/structure-diff';
import { advanceBase, previewTies, whatIfBase } from './what-if';
import type { WhatIf, WhatIfBase, WhatIfOptions } from './what-if';

export interface WhatIfMemo {
  /** The base for `csr`, from the memo when the structure allows. */
  base(csr: Csr, options: WhatIfOptions, openPairs: number): WhatIfBase;
  /** A preview of adding `ties` to `base`'s graph, made once per structure. */
  preview(base: WhatIfBase, ties: Array<[string, string]>, concerned: readonly string[]): WhatIf;
}

export function createWhatIfMemo(): WhatIfMemo {
  let kept: WhatIfBase | undefined;
  let previews = new Map<string, WhatIf>();
  return {
    base(csr, options, openPairs) {
      if (kept === undefined || kept.options.exactBetweennessUpTo !== options.exactBetweennessUpTo || kept.options.pivots !== options.pivots) {
        previews = new Map();
        return (kept = whatIfBase(csr, options, { openPairs }));
      }
      const change = kept.csr === csr ? ({ kind: 'same' } as const) : diffStructure(kept.csr, csr);
      if (change.kind === 'same') return (kept = { ...kept, csr });
      previews = new Map();
      kept = change.kind === 'tie-added' ? advanceBase(kept, csr, [[change.a, change.b]], openPairs) : whatIfBase(csr, options, { openPairs });
      return kept;
    },
    preview(base, ties, concerned) {
      const key = JSON.stringify([ties, concerned]);
      let preview = previews.get(key);
      if (preview === undefined) previews.set(key, (preview = previewTies(base, ties, concerned)));
      return preview;
    },
  };
}
