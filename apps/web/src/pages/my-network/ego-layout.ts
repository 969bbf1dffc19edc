/**
 * Where each contact goes in the "draw your own network" picture: the member in the centre and the
 * contacts on a spiral outwards in the API's order (closest first), so the closest tie is drawn
 * nearest. The golden angle spreads neighbours in the order apart, so no two labels sit on one ray.
 */
export interface Placed {
  id: string;
  x: number;
  y: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Positions in a square of `size` (centre at size / 2); `ids` closest first. */
export function egoLayout(ids: readonly string[], size: number): Placed[] {
  const centre = size / 2;
  const inner = size * 0.16;
  const outer = size * 0.3; // room outside for the names
  return ids.map((id, rank) => {
    // The first contact on the inner ring, the last on the outer; one contact alone sits inside.
    const share = ids.length > 1 ? rank / (ids.length - 1) : 0;
    const radius = inner + share * (outer - inner);
    const angle = -Math.PI / 2 + rank * GOLDEN_ANGLE;
    return { id, x: round(centre + radius * Math.cos(angle)), y: round(centre + radius * Math.sin(angle)) };
  });
}

const round = (value: number) => Math.round(value * 10) / 10;
