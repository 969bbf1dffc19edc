import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems, type FormProblems } from '../../api/problems';
import type { Interaction, Me, Member, NetworkSummary } from '../../api/views';
import { KindIcon } from '../../components/icons';
import { ErrorSummary, FieldError } from '../../components/problems';
import { useI18n } from '../../i18n/i18n';
import { newKey } from '../../outbox/new-key';
import type { LogBody } from '../../outbox/outbox-store';
import { CHANNELS, type Channel, type InteractionKind, KINDS, RUNG } from './vocabulary';
import { localDateInput, occurredAtFor, type DayChoice } from './when';
import './log.css';

const FIELDS = ['kind', 'participants', 'occurredAt', 'channel', 'initiator', 'note', 'reason'] as const;
const SUGGESTED = 6;

/** The API names members by id; a person reads names. */
function withNames(problems: FormProblems, members: Member[]): FormProblems {
  const named = (text: string) => members.reduce((result, m) => result.split(m.id).join(m.name), text);
  return {
    byField: Object.fromEntries(Object.entries(problems.byField).map(([field, texts]) => [field, texts.map(named)])),
    general: problems.general.map(named),
  };
}

interface Stored {
  interaction: Interaction;
  /** Kept on this device, to be sent when Solmu can be reached. */
  queued?: boolean;
}

export interface LogFormProps {
  network: NetworkSummary;
  /** Correcting this interaction instead of logging a new one. */
  editing?: Interaction;
  /** Where an interaction goes when Solmu cannot be reached (logging only). */
  keepForLater?: (key: string, body: LogBody) => Promise<void>;
  /** After a correction is stored, or to leave it. */
  onDone?: () => void;
}

/**
 * The member's logging form: what happened (one tap), who with (one tap on a suggested person),
 * save (one tap). The date is today unless changed; channel, direction and note wait behind
 * "optional". Everything is checked by the API, whose problems are shown beside their fields.
 * The same form corrects an interaction, filled with what was stored and asking why.
 */
export function LogForm({ network, editing, keepForLater, onDone }: LogFormProps) {
  const { t, date } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [frequency, setFrequency] = useState<Map<string, number>>(new Map());
  const [kind, setKind] = useState<InteractionKind | null>((editing?.kind as InteractionKind) ?? null);
  const [people, setPeople] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const originalDay = editing && localDateInput(new Date(editing.occurredAt));
  const [day, setDay] = useState<DayChoice>(editing ? 'other' : 'today');
  const [otherDate, setOtherDate] = useState(originalDay ?? localDateInput(new Date()));
  const [channel, setChannel] = useState<Channel | ''>((editing?.channel as Channel) ?? '');
  const [initiator, setInitiator] = useState(editing?.initiator ?? '');
  const [note, setNote] = useState(editing?.note ?? '');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblems>({ byField: {}, general: [] });
  const [busy, setBusy] = useState(false);
  const [stored, setStored] = useState<Stored | null>(null);
  // One key per thing being logged: pressing Save twice, or a retry after a lost answer, logs once.
  const idempotencyKey = useRef(newKey());
  const confirmation = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const params = { path: { networkId: network.id } };
      const [mine, list] = await Promise.all([api.GET('/api/networks/{networkId}/me', { params }), api.GET('/api/networks/{networkId}/members', { params })]);
      if (!live) return;
      const self = (mine.data as Me | undefined) ?? null;
      setMe(self);
      if (editing) setPeople(editing.participants.filter((id) => id !== self?.memberId));
      setMembers(((list.data as Member[] | undefined) ?? []).filter((m) => !m.leftAt));
      if (!self?.memberId) return;
      const history = await api.GET('/api/networks/{networkId}/interactions', { params: { ...params, query: { member: self.memberId, limit: 500 } } });
      const counts = new Map<string, number>();
      for (const interaction of (history.data as { interactions?: Interaction[] } | undefined)?.interactions ?? []) {
        for (const id of interaction.participants) if (id !== self.memberId) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      if (live) setFrequency(counts);
    })();
    return () => {
      live = false;
    };
  }, [network.id]);

  useEffect(() => {
    if (stored) confirmation.current?.focus();
  }, [stored]);

  const others = useMemo(() => {
    const byUse = (a: Member, b: Member) => (frequency.get(b.id) ?? 0) - (frequency.get(a.id) ?? 0) || a.name.localeCompare(b.name);
    return members.filter((m) => m.id !== me?.memberId).sort(byUse);
  }, [members, frequency, me]);

  const shown = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    if (needle) return others.filter((m) => m.name.toLocaleLowerCase().includes(needle) || (m.organisation ?? '').toLocaleLowerCase().includes(needle));
    const top = others.slice(0, SUGGESTED);
    return [...top, ...others.filter((m) => people.includes(m.id) && !top.includes(m))];
  }, [others, query, people]);

  // After a tap (not a keyboard choice, whose click has detail 0), show "Who with?" on a small screen.
  const bringPeopleIntoView = (event: MouseEvent) => {
    if (event.detail > 0) document.getElementById('participants')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? id;
  const toggle = (id: string) => setPeople((current) => (current.includes(id) ? current.filter((p) => p !== id) : [...current, id]));

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing: FormProblems = { byField: {}, general: [] };
    if (!kind) missing.byField.kind = [t('log.pickKind')];
    if (!people.length) missing.byField.participants = [t('log.pickPeople')];
    if (!kind || !people.length || !me?.memberId) return setProblems(missing);
    setBusy(true);
    const body: LogBody = {
      kind,
      participants: [me.memberId, ...people],
      // A correction that keeps the day keeps the time of day it had.
      occurredAt: editing && day === 'other' && otherDate === originalDay ? editing.occurredAt : occurredAtFor(day, otherDate, new Date()),
      ...(channel && { channel }),
      ...(initiator && { initiator }),
      ...(note.trim() && { note: note.trim() }),
    };
    const queue = async () => {
      await keepForLater!(idempotencyKey.current, body);
      setStored({ interaction: { id: idempotencyKey.current, status: 'active', ...body }, queued: true });
    };
    try {
      if (keepForLater && !navigator.onLine) return await queue();
      const { data, error } = editing
        ? await api.POST('/api/networks/{networkId}/interactions/{interactionId}/correct', {
            params: { path: { networkId: network.id, interactionId: editing.id } },
            body: { ...body, ...(reason.trim() && { reason: reason.trim() }) },
          })
        : await api.POST('/api/networks/{networkId}/interactions', {
            params: { path: { networkId: network.id }, header: { 'Idempotency-Key': idempotencyKey.current } },
            body,
          });
      if (error) {
        // Refused, so nothing was written: the next attempt, with what the person changes, is a new request.
        idempotencyKey.current = newKey();
        return setProblems(withNames(formProblems(error, FIELDS), members));
      }
      setProblems({ byField: {}, general: [] });
      setStored({ interaction: data as unknown as Interaction });
    } catch {
      // No answer (offline, or the connection dropped): keep it on the device and send it later,
      // with the same key, so it is logged once even if this attempt did reach Solmu.
      if (keepForLater) await queue();
      else setProblems({ byField: {}, general: [t('common.offline')] });
    } finally {
      setBusy(false);
    }
  };

  const startOver = () => {
    idempotencyKey.current = newKey();
    setStored(null);
    setKind(null);
    setPeople([]);
    setQuery('');
    setDay('today');
    setChannel('');
    setInitiator('');
    setNote('');
    setReason('');
  };

  if (me && !me.memberId) return <p>{t('log.notMember')}</p>;

  if (stored) {
    const { interaction } = stored;
    const names = interaction.participants.filter((id) => id !== me?.memberId).map(nameOf);
    return (
      <div class="confirmation" role="status" tabIndex={-1} ref={confirmation}>
        <h1>{t(stored.queued ? 'log.queued' : editing ? 'log.corrected' : 'log.stored')}</h1>
        {stored.queued && <p>{t('log.queuedLine')}</p>}
        <p class="confirmation__line">
          {t('log.storedLine', { kind: t(`kind.${interaction.kind as InteractionKind}`), people: new Intl.ListFormat(document.documentElement.lang || 'en').format(names), date: date(interaction.occurredAt) })}
        </p>
        {interaction.channel && <p>{t('log.storedChannel', { channel: t(`channel.${interaction.channel as Channel}`) })}</p>}
        {interaction.note && <blockquote class="confirmation__note">{interaction.note}</blockquote>}
        <button type="button" class="button button--primary" onClick={editing ? onDone : startOver}>
          {t(editing ? 'log.back' : 'log.another')}
        </button>
      </div>
    );
  }

  const fieldClass = (field: string) => `field${problems.byField[field] ? ' field--error' : ''}`;
  const describedBy = (field: string, hint?: string) => [hint, problems.byField[field] && `${field}-error`].filter(Boolean).join(' ') || undefined;
  const summary = [...FIELDS.flatMap((field) => (problems.byField[field] ?? []).map((text) => ({ text, href: `#${field}` }))), ...problems.general.map((text) => ({ text }))];

  return (
    <form class="log" onSubmit={submit} noValidate aria-labelledby="log-title">
      <h1 id="log-title" class={editing ? undefined : 'visually-hidden'}>
        {t(editing ? 'log.correctTitle' : 'log.title')}
      </h1>
      <ErrorSummary entries={summary} />

      <fieldset class={fieldClass('kind')} id="kind" aria-describedby={describedBy('kind', 'kind-hint')}>
        <legend>{t('log.kind')}</legend>
        <p class="hint" id="kind-hint">
          {t('log.kindHint')}
        </p>
        <FieldError id="kind-error" messages={problems.byField.kind} />
        <div class="kinds">
          {KINDS.map((k) => (
            <label key={k} class={`kind kind--${RUNG[k]}`}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} onClick={bringPeopleIntoView} />
              <KindIcon kind={k} />
              <span class="kind__name">{t(`kind.${k}`)}</span>
              <span class="kind__line">{t(`kind.${k}.line`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset class={fieldClass('participants')} id="participants" aria-describedby={describedBy('participants', 'participants-hint')}>
        <legend>{t('log.with')}</legend>
        <p class="hint" id="participants-hint">
          {t('log.withHint')}
        </p>
        <FieldError id="participants-error" messages={problems.byField.participants} />
        <label for="person-search" class="label--small">
          {t('log.search')}
        </label>
        <input id="person-search" type="search" autocomplete="off" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        <div class="people">
          {shown.map((m) => (
            <label key={m.id} class="person">
              <input type="checkbox" checked={people.includes(m.id)} onChange={() => toggle(m.id)} />
              <span>{m.name}</span>
              {m.organisation && <span class="person__org">{m.organisation}</span>}
            </label>
          ))}
          {query.trim() && shown.length === 0 && <p>{t('log.noMatch', { query: query.trim() })}</p>}
        </div>
      </fieldset>

      <fieldset class={fieldClass('occurredAt')} id="occurredAt" aria-describedby={describedBy('occurredAt')}>
        <legend>{t('log.when')}</legend>
        <FieldError id="occurredAt-error" messages={problems.byField.occurredAt} />
        <div class="days">
          {(['today', 'yesterday', 'other'] as const).map((choice) => (
            <label key={choice} class="day">
              <input type="radio" name="day" value={choice} checked={day === choice} onChange={() => setDay(choice)} />
              <span>{t(choice === 'today' ? 'log.today' : choice === 'yesterday' ? 'log.yesterday' : 'log.otherDate')}</span>
            </label>
          ))}
        </div>
        {day === 'other' && (
          <div class="field">
            <label for="other-date">{t('log.date')}</label>
            <input id="other-date" type="date" max={localDateInput(new Date())} value={otherDate} onInput={(e) => setOtherDate((e.currentTarget as HTMLInputElement).value)} />
          </div>
        )}
      </fieldset>

      <details class="more" open={Boolean(problems.byField.channel || problems.byField.initiator || problems.byField.note)}>
        <summary>{t('log.more')}</summary>
        <div class={fieldClass('channel')}>
          <label for="channel">{t('log.channel')}</label>
          <FieldError id="channel-error" messages={problems.byField.channel} />
          <select id="channel" value={channel} aria-describedby={describedBy('channel')} onChange={(e) => setChannel((e.currentTarget as HTMLSelectElement).value as Channel | '')}>
            <option value="">{t('log.channelNone')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div class={fieldClass('initiator')}>
          <label for="initiator">{t('log.initiator')}</label>
          <FieldError id="initiator-error" messages={problems.byField.initiator} />
          <select id="initiator" value={initiator} aria-describedby={describedBy('initiator')} onChange={(e) => setInitiator((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('log.initiatorNone')}</option>
            {me?.memberId && <option value={me.memberId}>{nameOf(me.memberId)}</option>}
            {people.map((id) => (
              <option key={id} value={id}>
                {nameOf(id)}
              </option>
            ))}
          </select>
        </div>
        <div class={fieldClass('note')}>
          <label for="note">{t('log.note')}</label>
          <p class="hint" id="note-hint">
            {t('log.noteHint')}
          </p>
          <FieldError id="note-error" messages={problems.byField.note} />
          <textarea id="note" rows={3} maxLength={1000} value={note} aria-describedby={describedBy('note', 'note-hint')} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
      </details>

      {editing && (
        <div class={fieldClass('reason')}>
          <label for="reason">{t('log.reason')}</label>
          <FieldError id="reason-error" messages={problems.byField.reason} />
          <input id="reason" type="text" maxLength={500} value={reason} aria-describedby={describedBy('reason')} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
        </div>
      )}

      <div class="log__submit">
        <button type="submit" class="button button--primary button--wide" disabled={busy || !me}>
          {busy ? t('log.saving') : t(editing ? 'log.saveCorrection' : 'log.submit')}
        </button>
        {editing && (
          <button type="button" class="button button--secondary button--wide" onClick={onDone}>
            {t('log.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
