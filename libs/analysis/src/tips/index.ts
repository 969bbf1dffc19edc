/** Tips for strengthening a network, with evidence, actions and what-if previews, in English and Finnish. */
export { articulationPoints, splitAt } from './articulation';
export type { CutVertex } from './articulation';
export { TIP_KINDS, TIP_RULES, tips, tipsFor } from './tips';
export type { Tip, TipContext, TipKind, TipMeasures, TipRules } from './tips';
export { advanceBase, previewTies, whatIfBase } from './what-if';
export { createWhatIfMemo } from './what-if-memo';
export type { WhatIfMemo } from './what-if-memo';
export type { WhatIf, WhatIfBase, WhatIfFigures, WhatIfOptions } from './what-if';
export { KIND_WORDS } from './wording';
