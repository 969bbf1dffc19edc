import { INTERACTION_KINDS } from '@solmu/network';

/**
 * The Slack modal with the web form's fields (kind, participants, date, note). Block ids are the
 * names Solmu maps the API's problem fields to, so a refusal marks the right input.
 */
export const LOG_MODAL_CALLBACK = 'solmu_log';

const KIND_LABELS: Record<(typeof INTERACTION_KINDS)[number], string> = {
  acquainted: 'Tutustuttiin / Got acquainted',
  discussed: 'Keskusteltiin / Discussed',
  exchanged_information: 'Vaihdettiin tietoa / Shared information',
  explored_collaboration: 'Haettiin yhteistyötä / Explored collaboration',
  outlined_goals: 'Hahmoteltiin tavoitteita / Outlined goals',
  co_developed: 'Yhteiskehitettiin / Co-developed',
  evaluated_learning: 'Arvioitiin oppimista / Evaluated learning',
};

const text = (t: string) => ({ type: 'plain_text', text: t });

export function logModal(today: string): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: LOG_MODAL_CALLBACK,
    title: text('Solmu'),
    submit: text('Log'),
    close: text('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: 'kind',
        label: text('What happened'),
        element: { type: 'static_select', action_id: 'kind', options: INTERACTION_KINDS.map((kind) => ({ text: text(KIND_LABELS[kind]), value: kind })) },
      },
      { type: 'input', block_id: 'participants', label: text('With whom'), element: { type: 'multi_users_select', action_id: 'participants' } },
      { type: 'input', block_id: 'date', label: text('When'), element: { type: 'datepicker', action_id: 'date', initial_date: today } },
      { type: 'input', block_id: 'note', optional: true, label: text('Note'), element: { type: 'plain_text_input', action_id: 'note', multiline: true, max_length: 1000 } },
    ],
  };
}

/** Which block shows a problem with an API field. */
export function blockOf(field: string): string {
  if (field === 'kind' || field === 'note') return field;
  if (field === 'occurredAt') return 'date';
  return 'participants';
}

export interface ModalValues {
  kind?: string;
  participants: string[];
  date?: string;
  note?: string;
}

type StateValues = Record<string, Record<string, { selected_option?: { value?: string }; selected_users?: string[]; selected_date?: string; value?: string | null }>>;

export function modalValues(values: StateValues | undefined): ModalValues {
  const v = values ?? {};
  return {
    kind: v.kind?.kind?.selected_option?.value,
    participants: v.participants?.participants?.selected_users ?? [],
    date: v.date?.date?.selected_date,
    note: v.note?.note?.value?.trim() || undefined,
  };
}

/** The App Home tab: the member's own tips, or how to link. */
export function homeView(lines: string[]): Record<string, unknown> {
  return {
    type: 'home',
    blocks: [{ type: 'header', text: text('Solmu') }, ...lines.map((line) => ({ type: 'section', text: { type: 'mrkdwn', text: line } }))],
  };
}

/** What App Home says: the member's own tips (the ones that turn on them), at most five. */
export function homeLines(member: { id: string; name: string } | undefined, tips: ReadonlyArray<{ members: string[]; action: { en: string; fi: string } }>): string[] {
  if (!member) return ['Your Slack user is not linked to a member of this network yet. Type `/solmu link` to link it.'];
  const own = tips.filter((tip) => tip.members.includes(member.id)).slice(0, 5);
  if (!own.length) return [`No tips for you right now, ${member.name}. Keep logging with \`/solmu\`.`];
  return [`Tips for you, ${member.name}:`, ...own.map((tip) => `• ${tip.action.en} / ${tip.action.fi}`)];
}
