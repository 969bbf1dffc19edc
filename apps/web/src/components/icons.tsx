import type { InteractionKind } from '../pages/log/vocabulary';

/** Simple line icons for the seven kinds, drawn inline (no icon font, nothing to fetch). */
const PATHS: Record<InteractionKind, string> = {
  acquainted: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2.5 20c0-3.2 2.4-5.5 5.5-5.5s5.5 2.3 5.5 5.5M10.5 20c0-3.2 2.4-5.5 5.5-5.5s5.5 2.3 5.5 5.5',
  discussed: 'M4 5h16v10H10l-5 4v-4H4zM8 9h8M8 12h5',
  exchanged_information: 'M4 8h15M15 4l4 4-4 4M20 16H5M9 12l-4 4 4 4',
  explored_collaboration: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5 21 21',
  outlined_goals: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 16.5a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zM12 12.5a.5.5 0 1 0 0-1 .5.5 0 0 0 0 1z',
  co_developed: 'M3 11h8v9H3zM13 11h8v9h-8zM8 3h8v8H8z',
  evaluated_learning: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5c.7.7 1 1.6 1 2.5h6c0-.9.3-1.8 1-2.5A6 6 0 0 0 12 3z',
};

export function KindIcon({ kind }: { kind: InteractionKind }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <path d={PATHS[kind]} />
    </svg>
  );
}
