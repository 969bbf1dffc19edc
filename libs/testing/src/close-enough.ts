/**
 * Deep equality with numbers compared to 1e-9 relative: for results reached by different routes (an
 * incremental update against a fresh computation) that add and subtract in another order. Each
 * mismatch names its path, e.g. `$.nodes.3.measures.betweenness`.
 */
export function expectSameUpToRounding(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect([path, Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected))]).toEqual([path, true]);
  } else if (expected !== null && typeof expected === 'object') {
    expect([path, Object.keys(actual as object).sort()]).toEqual([path, Object.keys(expected).sort()]);
    for (const key of Object.keys(expected)) expectSameUpToRounding((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
  } else {
    expect([path, actual]).toEqual([path, expected]);
  }
}
