import { nestsDeeperThan } from './json-body';

describe('nestsDeeperThan', () => {
  const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);

  it('counts arrays and objects, up to and past the limit', () => {
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan('{"a":'.repeat(33) + '1' + '}'.repeat(33), 32)).toBe(true);
    expect(nestsDeeperThan('{"a":[{"b":[1,2]},{"c":{}}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[1,2]},{"c":{}}]}', 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ note: '['.repeat(100) }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ note: '"[[[[\\' + '['.repeat(50) }), 1)).toBe(false);
  });

  it('reads a deep body of megabytes without a stack', () => {
    expect(nestsDeeperThan(nested(1_000_000), 32)).toBe(true);
  });
});
