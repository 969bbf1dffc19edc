import Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { buildGraph, updateGraph } from './picture-graph';
import type { Measure, Picture } from './picture-view';

/**
 * The network drawn with sigma on a graphology graph (picture-graph.ts). A new date is applied as a
 * difference (members and ties come and go; the rest stay where they are), so the
 * founding star visibly grows into a web instead of jumping to a new layout. Only members seen for
 * the first time are laid out, briefly, by ForceAtlas2 in a worker, with everyone else held fixed.
 * This module (sigma, graphology, the layout) is loaded only by the picture page.
 */
export interface CanvasEvents {
  member(id: string): void;
  tie(a: string, b: string): void;
}

const NEW_MEMBERS_LAYOUT_MS = 600;
const DIMMED = '#d5dbe0';
const DIMMED_TIE = '#eef1f3';
const FIRST_LAYOUT_MS = 1500;

export class NetworkCanvas {
  private graph = new Graph({ type: 'undirected' });
  private readonly sigma: Sigma;
  private readonly seen = new Map<string, { x: number; y: number }>();
  private layout?: FA2Layout;
  private layoutTimer?: ReturnType<typeof setTimeout>;
  private highlighted?: string;
  /** Members picked out (a tip's): they keep their colour and label, everyone else is dimmed. */
  private picked = new Set<string>();

  constructor(container: HTMLElement, events: CanvasEvents) {
    this.sigma = new Sigma(this.graph, container, {
      enableEdgeEvents: true,
      labelRenderedSizeThreshold: 8,
      defaultEdgeType: 'line',
      nodeReducer: (node, data) => {
        if (this.highlighted) return node !== this.highlighted && !this.graph.areNeighbors(node, this.highlighted) ? { ...data, color: DIMMED, label: '' } : data;
        if (this.picked.size > 0) return this.picked.has(node) ? { ...data, forceLabel: true, zIndex: 1 } : { ...data, color: DIMMED, label: '' };
        return data;
      },
      edgeReducer: (edge, data) => {
        if (this.highlighted || this.picked.size === 0) return data;
        const [a, b] = this.graph.extremities(edge);
        return this.picked.has(a) && this.picked.has(b) ? data : { ...data, color: DIMMED_TIE };
      },
      zIndex: true,
    });
    this.sigma.on('clickNode', ({ node }) => events.member(node));
    this.sigma.on('clickEdge', ({ edge }) => events.tie(...(this.graph.extremities(edge) as [string, string])));
  }

  /**
   * Draws `picture`; answers how long the synchronous part took (graph built and rendered), in ms.
   * When nothing has to go (a step forward in time), the graph sigma holds is changed in place:
   * sigma indexes each change as it comes and everything is rendered once. Otherwise (a step back,
   * a member who left) the date is a new graph handed to sigma at once (setGraph: one indexing, one
   * render), because sigma re-indexes every node and tie after each one dropped: going back from
   * 1,000 members to the founding by drops froze the page for 20 s. On 1,000 members and some
   * 10,000 ties, in place took 10 ms and sigma's refresh 17 against 17 and 18 ms for a new graph
   * (medians of `npm run bench -- web --only=slider --profile` at load 6–7).
   * Places live on in `seen`, so members stay where they were.
   */
  draw(picture: Picture, sizeBy: Measure): number {
    const started = performance.now();
    // Where a layout still running has got to is where its members stay.
    this.stopLayout();
    this.remember();
    const firstTime = this.seen.size === 0;
    const options = { sizeBy, places: this.seen, everyoneFree: firstTime, scatter: () => ({ x: Math.random() * 100, y: Math.random() * 100 }) };
    let fresh = this.graph.order > 0 ? updateGraph(this.graph, picture, options) : null;
    const inPlace = fresh !== null;
    if (fresh === null) ({ graph: this.graph, fresh } = buildGraph(picture, options));
    this.placeNearNeighbours(fresh);
    const built = performance.now();
    // In place, sigma has indexed every change and put a render off to the next frame: a refresh
    // renders now (after one processing of the whole graph), so the picture is drawn when this returns.
    if (inPlace) this.sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: false });
    else this.sigma.setGraph(this.graph);
    const rendered = performance.now();
    if (fresh.length > 0) this.layOut(firstTime);
    this.remember();
    // The parts of a redraw, read by `npm run bench -- web --only=slider --profile`.
    performance.measure(inPlace ? 'solmu:draw:graph-in-place' : 'solmu:draw:graph-new', { start: started, end: built });
    performance.measure('solmu:draw:sigma', { start: built, end: rendered });
    performance.measure('solmu:draw:after', { start: rendered, end: performance.now() });
    return rendered - started;
  }

  /**
   * A chosen member with their neighbours, else the picked members, stand out; the rest are dimmed.
   * Answers the members drawn undimmed, read back from what sigma displays (tests check it).
   */
  highlight(memberId: string | undefined, picked: readonly string[] = []): string[] {
    const highlighted = memberId && this.graph.hasNode(memberId) ? memberId : undefined;
    // sigma applies the reducers as it indexes, so after a redraw with the same members picked out
    // what it displays is already dimmed right, and the page calls this after every redraw: a full
    // refresh is the work of sigma's part of a new graph again (15-18 ms on 1,000 members). A member
    // highlighted is refreshed always: which members are their neighbours changes with the date.
    const unchanged = highlighted === undefined && this.highlighted === undefined && picked.length === this.picked.size && picked.every((id) => this.picked.has(id));
    this.highlighted = highlighted;
    this.picked = new Set(picked);
    if (!unchanged) this.sigma.refresh();
    return this.graph.filterNodes((node) => this.sigma.getNodeDisplayData(node)?.color !== DIMMED);
  }

  kill(): void {
    this.stopLayout();
    this.sigma.kill();
  }

  /** A newcomer starts beside someone it is tied to who already has a place: the layout then only nudges it. */
  private placeNearNeighbours(fresh: string[]): void {
    for (const id of fresh) {
      const anchor = this.graph.neighbors(id).find((n) => this.seen.has(n));
      if (!anchor) continue;
      const { x, y } = this.seen.get(anchor)!;
      this.graph.mergeNodeAttributes(id, { x: x + (Math.random() - 0.5) * 5, y: y + (Math.random() - 0.5) * 5 });
    }
  }

  /** Runs ForceAtlas2 for a moment; members marked `fixed` (all but the newcomers) stay in place. */
  private layOut(firstTime: boolean): void {
    this.stopLayout();
    this.layout = new FA2Layout(this.graph, { settings: { gravity: 1, strongGravityMode: true, scalingRatio: 10, slowDown: 5, barnesHutOptimize: this.graph.order > 300 } });
    this.layout.start();
    this.layoutTimer = setTimeout(() => {
      this.stopLayout();
      this.remember();
    }, firstTime ? FIRST_LAYOUT_MS : NEW_MEMBERS_LAYOUT_MS);
  }

  private stopLayout(): void {
    clearTimeout(this.layoutTimer);
    this.layout?.kill();
    this.layout = undefined;
  }

  private remember(): void {
    this.graph.forEachNode((id, { x, y }) => void this.seen.set(id, { x, y }));
  }
}
