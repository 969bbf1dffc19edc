import { accountTried } from './throttling';

describe('accountTried', () => {
  it('is the same for one email in any case or padding, and differs between emails', () => {
    expect(accountTried({ email: ' Aino@Example.ORG ' })).toBe(accountTried({ email: 'aino@example.org' }));
    expect(accountTried({ email: 'aino@example.org' })).not.toBe(accountTried({ email: 'eino@example.org' }));
  });

  it('is short whatever the email’s length, and absent without a string email', () => {
    expect(accountTried({ email: 'x'.repeat(60_000) })!.length).toBeLessThan(50);
    expect([accountTried(undefined), accountTried(null), accountTried('a'), accountTried({ email: 1 }), accountTried([])]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
