import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems, type FormProblems } from '../../api/problems';
import { ErrorSummary, FieldError } from '../../components/problems';
import { useI18n } from '../../i18n/i18n';

export const MEMBER_TYPES = ['company', 'association', 'incubator', 'network_hub', 'international_hub', 'research', 'policy', 'other'] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

/** A member as the coordinator sees them (GET …/members). */
export interface ManagedMember {
  id: string;
  name: string;
  email?: string;
  organisation?: string;
  type: MemberType;
  role: string;
  joinedAt: string;
  leftAt?: string;
  hasAccount?: boolean;
  /** Their personal data was erased (GDPR): the name is a placeholder. */
  erased?: boolean;
}

const FIELDS = ['name', 'email', 'organisation', 'type', 'joinedAt'] as const;
const NO_PROBLEMS: FormProblems = { byField: {}, general: [] };

interface Props {
  networkId: string;
  /** The member being edited; none to add a new one. */
  member?: ManagedMember;
  onSaved: (member: ManagedMember) => void;
  onCancel?: () => void;
}

/**
 * Adds a member (POST) or changes one (PATCH). The API checks everything; its problems are shown
 * beside the field they name, as on the log page. Emptying an optional field clears it.
 */
export function MemberForm({ networkId, member, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState(member?.name ?? '');
  const [email, setEmail] = useState(member?.email ?? '');
  const [organisation, setOrganisation] = useState(member?.organisation ?? '');
  const [type, setType] = useState<MemberType>(member?.type ?? 'company');
  const [joinedAt, setJoinedAt] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const prefix = member ? `edit-${member.id}` : 'member';
  const id = (field: string) => `${prefix}-${field}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    const answer: { data?: unknown; error?: unknown } = member
      ? await api.PATCH('/api/networks/{networkId}/members/{memberId}', {
          params: { path: { networkId, memberId: member.id } },
          // null clears an optional field (the schema types it loosely).
          body: { name, type, email: (email.trim() || null) as never, organisation: (organisation.trim() || null) as never },
        })
      : await api.POST('/api/networks/{networkId}/members', {
          params: { path: { networkId } },
          body: { name, type, role: 'member', ...(email.trim() && { email: email.trim() }), ...(organisation.trim() && { organisation: organisation.trim() }), ...(joinedAt && { joinedAt }) },
        });
    if (answer.error) return setProblems(formProblems(answer.error, FIELDS));
    setProblems(NO_PROBLEMS);
    if (!member) {
      setName('');
      setEmail('');
      setOrganisation('');
      setJoinedAt('');
    }
    onSaved(answer.data as unknown as ManagedMember);
  };

  const fieldClass = (field: string) => `field${problems.byField[field] ? ' field--error' : ''}`;
  const describedBy = (field: string) => (problems.byField[field] ? id(`${field}-error`) : undefined);
  const summary = [...FIELDS.flatMap((field) => (problems.byField[field] ?? []).map((text) => ({ text, href: `#${id(field)}` }))), ...problems.general.map((text) => ({ text }))];
  const text = (field: 'name' | 'email' | 'organisation', value: string, set: (value: string) => void, inputMode?: 'email') => (
    <div class={fieldClass(field)}>
      <label for={id(field)}>{t(`members.${field}`)}</label>
      <input id={id(field)} inputMode={inputMode} value={value} onInput={(e) => set(e.currentTarget.value)} aria-invalid={problems.byField[field] ? true : undefined} aria-describedby={describedBy(field)} />
      <FieldError id={id(`${field}-error`)} messages={problems.byField[field]} />
    </div>
  );

  return (
    <form class="member-form" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>{member ? t('members.edit', { name: member.name }) : t('members.add')}</h3>
      <ErrorSummary entries={summary} />
      {text('name', name, setName)}
      {/* Not type=email: the API's check, beside the field, is the one that counts. */}
      {text('email', email, setEmail, 'email')}
      {text('organisation', organisation, setOrganisation)}
      <div class={fieldClass('type')}>
        <label for={id('type')}>{t('members.type')}</label>
        <select id={id('type')} value={type} onChange={(e) => setType(e.currentTarget.value as MemberType)} aria-describedby={describedBy('type')}>
          {MEMBER_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`memberType.${value}`)}
            </option>
          ))}
        </select>
        <FieldError id={id('type-error')} messages={problems.byField.type} />
      </div>
      {!member && (
        <div class={fieldClass('joinedAt')}>
          <label for={id('joinedAt')}>{t('members.joinedAt')}</label>
          <input id={id('joinedAt')} type="date" value={joinedAt} onInput={(e) => setJoinedAt(e.currentTarget.value)} aria-describedby={describedBy('joinedAt')} />
          <FieldError id={id('joinedAt-error')} messages={problems.byField.joinedAt} />
        </div>
      )}
      <div class="member-form__actions">
        <button type="submit" class="button button--primary">
          {member ? t('members.save') : t('members.add')}
        </button>
        {onCancel && (
          <button type="button" class="button button--small" onClick={onCancel}>
            {t('members.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
