import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems } from '../../api/problems';
import { FieldError } from '../../components/problems';
import { useI18n } from '../../i18n/i18n';
import { localDateInput } from '../log/when';
import type { ManagedMember } from './member-form';

export type Ending = 'remove' | 'erase';

interface Props {
  networkId: string;
  member: ManagedMember;
  ending: Ending;
  /** After the API has done it, with the sentence to show. */
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * Asks before a member is removed from the network (`POST …/leave`, on a chosen day) or their
 * personal data is erased (`POST …/erase`, for good): both change what others see, and an erasure
 * cannot be undone, so neither happens on one click. The API's problems appear here.
 */
export function MemberEnding({ networkId, member, ending, onDone, onCancel }: Props) {
  const { t } = useI18n();
  const [leftOn, setLeftOn] = useState(() => localDateInput(new Date()));
  const [problems, setProblems] = useState<{ leftAt: string[]; general: string[] }>({ leftAt: [], general: [] });
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const name = member.name;

  // The question takes the focus, so a keyboard or screen-reader user is asked it at once.
  useEffect(() => heading.current?.focus(), []);

  const confirm = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const path = { networkId, memberId: member.id };
      const { error } =
        ending === 'remove'
          ? // Today means now (the API's default); another day is sent as a date, which the API reads in the network's time zone.
            await api.POST('/api/networks/{networkId}/members/{memberId}/leave', { params: { path }, body: leftOn === localDateInput(new Date()) ? {} : { leftAt: leftOn } })
          : await api.POST('/api/networks/{networkId}/members/{memberId}/erase', { params: { path } });
      if (error) {
        const found = formProblems(error, ['leftAt']);
        return setProblems({ leftAt: found.byField.leftAt ?? [], general: found.general });
      }
      onDone(t(ending === 'remove' ? 'members.removed' : 'members.erasedNotice', { name }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="member-ending" role="alertdialog" aria-labelledby="member-ending-title" aria-describedby="member-ending-line">
    <form onSubmit={confirm} noValidate>
      <h3 id="member-ending-title" tabIndex={-1} ref={heading}>
        {t(ending === 'remove' ? 'members.removeTitle' : 'members.eraseTitle', { name })}
      </h3>
      <p id="member-ending-line">{t(ending === 'remove' ? 'members.removeLine' : 'members.eraseLine', { name })}</p>
      {problems.general.length > 0 && (
        <p class="field-error" role="alert">
          {problems.general.join(' ')}
        </p>
      )}
      {ending === 'remove' && (
        <div class={`field${problems.leftAt.length ? ' field--error' : ''}`}>
          <label for="leftAt">{t('members.leftOn')}</label>
          <FieldError id="leftAt-error" messages={problems.leftAt} />
          <input id="leftAt" type="date" value={leftOn} onInput={(e) => setLeftOn(e.currentTarget.value)} aria-describedby={problems.leftAt.length ? 'leftAt-error' : undefined} />
        </div>
      )}
      <div class="member-form__actions">
        <button type="submit" class="button button--danger" disabled={busy}>
          {t(ending === 'remove' ? 'members.removeConfirm' : 'members.eraseConfirm')}
        </button>
        <button type="button" class="button button--small" onClick={onCancel}>
          {t('members.cancel')}
        </button>
      </div>
    </form>
    </div>
  );
}
