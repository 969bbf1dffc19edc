/** Tips for strengthening a network, with evidence, actions and what-if previews, in English and Finnish. */
export { articulationPoints, splitAt } from './articulation';
export type { CutVertex } from './articulation';
export { TIP_KINDS } from './tip';
export type { Tip, TipKind, TipMeasures } from './tip';
export { TIP_RULES } from './tip-rules';
export type { TipRules } from './tip-rules';
export { tips, tipsFor } from './tips';
export type { TipContext } from './tips';
export { privateTipsFor, tipsForMember } from './member-view';
export type { MemberTipOptions } from './member-view';
export { advanceBase, previewTies, whatIfBase } from './what-if';
export { createWhatIfMemo } from './what-if-memo';
export type { WhatIfMemo } from './what-if-memo';
export type { WhatIf, WhatIfBase, WhatIfFigures, WhatIfOptions } from './what-if';
export { KIND_WORDS } from './wording';
