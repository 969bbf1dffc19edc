import { blockOf, homeLines, modalValues } from './slack-views';

describe('Slack views', () => {
  const tip = (members: string[], en: string) => ({ members, action: { en, fi: `${en} (fi)` } });

  it('App Home lists only the tips that turn on the member, at most five', () => {
    const tips = [tip(['m2', 'm3'], 'Introduce Eero to Ulla'), tip(['m1', 'm2'], 'Meet Eero'), ...Array.from({ length: 6 }, (_, i) => tip(['m1'], `Tip ${i}`))];
    expect(homeLines({ id: 'm1', name: 'Aino' }, tips)).toEqual(['Tips for you, Aino:', '• Meet Eero / Meet Eero (fi)', '• Tip 0 / Tip 0 (fi)', '• Tip 1 / Tip 1 (fi)', '• Tip 2 / Tip 2 (fi)', '• Tip 3 / Tip 3 (fi)']);
    expect(homeLines({ id: 'm9', name: 'Ulla' }, tips)).toEqual(['No tips for you right now, Ulla. Keep logging with `/solmu`.']);
    expect(homeLines(undefined, tips)[0]).toContain('/solmu link');
  });

  it('reads the modal’s values and marks API fields on its blocks', () => {
    expect(
      modalValues({
        kind: { kind: { selected_option: { value: 'discussed' } } },
        participants: { participants: { selected_users: ['U1'] } },
        date: { date: { selected_date: '2025-06-01' } },
        note: { note: { value: '  ' } },
      }),
    ).toEqual({ kind: 'discussed', participants: ['U1'], date: '2025-06-01', note: undefined });
    expect(['kind', 'occurredAt', 'participants[2]', 'actor', 'note'].map(blockOf)).toEqual(['kind', 'date', 'participants', 'participants', 'note']);
  });
});
