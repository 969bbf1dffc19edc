import { definePersonalDataPolicy, PersonalDataPolicy, REMOVED, valueAt, withValueAt } from './personal-data-policy';

describe('PersonalDataPolicy', () => {
  const member = (data: Record<string, unknown>) => `member-${String(data.memberId)}`;

  it('compiles each event type’s personal fields with their subject and erased stand-in', () => {
    const policy = definePersonalDataPolicy({
      MemberJoined: { subject: member, fields: { name: 'erased member', email: REMOVED } },
      Introduced: { fields: { 'guest.name': { whenErased: 'erased guest', subject: (d) => `guest-${String(d.guestId)}` } } },
      NothingPersonal: { subject: member, fields: {} },
    });

    const joined = policy.fieldsOf('MemberJoined')!;
    expect(joined.map((f) => [f.path, f.segments, f.whenErased])).toEqual([
      ['name', ['name'], 'erased member'],
      ['email', ['email'], REMOVED],
    ]);
    expect(joined[0].subject({ memberId: 'm1' })).toBe('member-m1');
    expect(policy.fieldsOf('Introduced')![0].subject({ guestId: 'g1' })).toBe('guest-g1');
    expect(policy.fieldsOf('NothingPersonal')).toBeUndefined();
    expect(policy.fieldsOf('SomethingElse')).toBeUndefined();
    expect(policy.eventTypes).toEqual(['MemberJoined', 'Introduced']);
  });

  it.each([['changes..name'], [''], ['__proto__.name'], ['a.constructor']])('refuses the path %j', (path) => {
    expect(() => definePersonalDataPolicy({ T: { subject: member, fields: { [path]: REMOVED } } })).toThrow(/not a valid path/);
  });

  it('refuses a field whose subject is unknown', () => {
    expect(() => definePersonalDataPolicy({ T: { fields: { name: REMOVED } } })).toThrow(/has no subject/);
  });

  it('combines the policies of several contexts, and refuses one event type named twice', () => {
    const a = definePersonalDataPolicy({ MemberJoined: { subject: member, fields: { name: REMOVED } } });
    const b = definePersonalDataPolicy({ IntegrationConnected: { subject: (d) => `integration-${String(d.integrationId)}`, fields: { secret: REMOVED } } });
    const both = PersonalDataPolicy.combine(a, b);
    expect(both.eventTypes).toEqual(['MemberJoined', 'IntegrationConnected']);
    expect(both.fieldsOf('IntegrationConnected')![0].subject({ integrationId: 'i1' })).toBe('integration-i1');
    expect(() => PersonalDataPolicy.combine(a, a)).toThrow(/Two personal-data policies name MemberJoined/);
  });
});

describe('paths into event data', () => {
  const data = { memberId: 'm1', changes: { name: 'N', email: null }, tags: ['a'] };

  it('reads a value at a path, undefined when a step is missing or not an object', () => {
    expect(valueAt(data, ['changes', 'name'])).toBe('N');
    expect(valueAt(data, ['changes', 'email'])).toBeNull();
    expect(valueAt(data, ['changes', 'role'])).toBeUndefined();
    expect(valueAt(data, ['memberId', 'length'])).toBeUndefined();
    expect(valueAt(data, ['toString'])).toBeUndefined();
  });

  it('replaces or removes a value by copying only the objects along the path', () => {
    const replaced = withValueAt(data, ['changes', 'name'], 'M');
    const removed = withValueAt(data, ['changes', 'name'], REMOVED);

    expect(replaced).toEqual({ memberId: 'm1', changes: { name: 'M', email: null }, tags: ['a'] });
    expect(removed).toEqual({ memberId: 'm1', changes: { email: null }, tags: ['a'] });
    expect(data.changes.name).toBe('N');
    expect(replaced.tags).toBe(data.tags);
  });
});
