import { float64Column, framedSnapshot, int32Column } from './projection';

describe('framedSnapshot', () => {
  const header = { ids: ['a', 'b'], name: 'Verkosto' };
  const floats = Float64Array.from([1.5, -2, 1e300]);
  const ints = Int32Array.from([7, -1, 2 ** 30, 0, 5]);

  it('gives back the header and each column, as views of the bytes (no copy) when they start on an 8-byte boundary', () => {
    const bytes = framedSnapshot.encode(header, [floats, ints]);
    const { header: back, columns } = framedSnapshot.decode<typeof header>(bytes);
    expect(back).toEqual(header);
    expect(float64Column(columns[0])).toEqual(floats);
    expect(int32Column(columns[1])).toEqual(ints);
    expect(columns.every((column) => column.buffer === bytes.buffer)).toBe(true);
  });

  it('copies the columns of bytes that start off an 8-byte boundary (a typed array could not view them)', () => {
    const encoded = framedSnapshot.encode(header, [floats, ints]);
    const shifted = new Uint8Array(encoded.byteLength + 4);
    shifted.set(encoded, 4);
    const { columns } = framedSnapshot.decode<typeof header>(shifted.subarray(4));
    expect(float64Column(columns[0])).toEqual(floats);
    expect(int32Column(columns[1])).toEqual(ints);
  });
});
