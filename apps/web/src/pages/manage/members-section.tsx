import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems } from '../../api/problems';
import type { NetworkSummary } from '../../api/views';
import { useI18n } from '../../i18n/i18n';
import { type ManagedMember, MemberForm } from './member-form';
import { MemberEnding, type Ending } from './member-ending';

/**
 * The network's members: add one, edit one, invite one (the link is shown to pass on), remove one
 * from the network or erase their personal data, both after a confirmation.
 */
export function MembersSection({ network }: { network: NetworkSummary }) {
  const { t, language } = useI18n();
  const [members, setMembers] = useState<ManagedMember[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<{ name: string; link: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [ending, setEnding] = useState<{ member: ManagedMember; ending: Ending } | null>(null);

  const reload = async () => {
    const { data } = await api.GET('/api/networks/{networkId}/members', { params: { path: { networkId: network.id } } });
    setMembers((data as unknown as ManagedMember[] | undefined) ?? []);
  };
  useEffect(() => {
    void reload();
  }, [network.id]);

  const saved = (message: 'members.added' | 'members.saved') => async (member: ManagedMember) => {
    setEditing(null);
    await reload();
    setNotice(t(message, { name: member.name }));
  };

  const invite = async (member: ManagedMember) => {
    const { data, error } = await api.POST('/api/networks/{networkId}/members/{memberId}/invitations', { params: { path: { networkId: network.id, memberId: member.id } } });
    if (error) return setProblem(formProblems(error, []).general.join(' '));
    setProblem(null);
    setInvitation({ name: member.name, link: (data as unknown as { link: string }).link });
  };

  const ended = async (message: string) => {
    setEnding(null);
    // The list first, then the notice: "erased" must not be announced while the name still shows.
    await reload();
    setNotice(message);
  };

  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  return (
    <section class="manage-section" aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <p class="field-error" role="alert">
          {t('common.unexpected', { message: problem })}
        </p>
      )}
      {invitation && (
        <div class="invitation" role="status">
          <p>{t('members.inviteLink', { name: invitation.name })}</p>
          <code class="token-secret__value">{invitation.link}</code>
        </div>
      )}
      <table class="manage-table">
        <caption>{t('members.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('members.name')}</th>
            <th scope="col">{t('members.organisation')}</th>
            <th scope="col">{t('members.type')}</th>
            <th scope="col">{t('members.joinedAt')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id}>
              <th scope="row">
                {member.name}
                {member.email && <span class="member-email"> · {member.email}</span>}
              </th>
              <td>{member.organisation}</td>
              <td>{t(`memberType.${member.type}`)}</td>
              <td>
                {date.format(new Date(member.joinedAt))}
                {member.leftAt && ` (${t('members.left')})`}
                {member.erased && ` (${t('members.erased')})`}
              </td>
              <td class="member-actions">
                <button type="button" class="button button--small" aria-label={t('members.editNamed', { name: member.name })} onClick={() => setEditing(member.id)}>
                  {t('members.editButton')}
                </button>
                {!member.hasAccount && !member.leftAt && (
                  <button type="button" class="button button--small" aria-label={t('members.inviteNamed', { name: member.name })} onClick={() => invite(member)}>
                    {t('members.invite')}
                  </button>
                )}
                {!member.leftAt && !member.erased && (
                  <button type="button" class="button button--small" aria-label={t('members.removeNamed', { name: member.name })} onClick={() => setEnding({ member, ending: 'remove' })}>
                    {t('members.remove')}
                  </button>
                )}
                {!member.erased && (
                  <button type="button" class="button button--small button--danger" aria-label={t('members.eraseNamed', { name: member.name })} onClick={() => setEnding({ member, ending: 'erase' })}>
                    {t('members.erase')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ending && <MemberEnding key={`${ending.ending}-${ending.member.id}`} networkId={network.id} member={ending.member} ending={ending.ending} onDone={ended} onCancel={() => setEnding(null)} />}
      {editing && members.find((m) => m.id === editing) && (
        <MemberForm key={editing} networkId={network.id} member={members.find((m) => m.id === editing)} onSaved={saved('members.saved')} onCancel={() => setEditing(null)} />
      )}
      <MemberForm networkId={network.id} onSaved={saved('members.added')} />
    </section>
  );
}
