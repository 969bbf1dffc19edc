import Graph from 'graphology';
import { KIND_COLOURS, TYPE_COLOURS, type Measure, type Picture, type PictureNode, type PictureTie } from './picture-view';

/**
 * The graphology graph sigma draws for a picture: members coloured by type and sized by the chosen
 * measure, ties coloured by their deepest kind and as thick as they are strong. Built anew, or
 * brought up to date in place when nothing has to go: a step forward in time only adds members and
 * ties and changes sizes and colours, and changing the graph sigma already holds spares building
 * ten thousand ties again and sigma indexing every one of them (see NetworkCanvas.draw).
 */
export interface Place {
  x: number;
  y: number;
}

export interface PictureGraphOptions {
  sizeBy: Measure;
  /** Where members drawn before are; they stay there (`fixed` for the layout). */
  places: ReadonlyMap<string, Place>;
  /** Every member free to move in the layout (the first picture): none is `fixed`. */
  everyoneFree?: boolean;
  /** Where a member seen for the first time starts, before the layout places it. */
  scatter: () => Place;
}

/** What a member looks like, apart from its place. */
interface MemberLook {
  label: string;
  size: number;
  color: string;
}

const tieKey = (tie: PictureTie): string => (tie.a < tie.b ? `${tie.a}|${tie.b}` : `${tie.b}|${tie.a}`);

const tieColour = (tie: PictureTie): string => KIND_COLOURS[tie.deepestKind] ?? '#999';
const tieSize = (tie: PictureTie): number => 1 + Math.min(5, Math.log1p(tie.strength));
const tieLook = (tie: PictureTie) => ({ color: tieColour(tie), size: tieSize(tie) });

/** Sizes from 4 to 18 px, by the square root of the measure's share of the largest value (so areas follow the measure). */
function memberLooks(picture: Picture, sizeBy: Measure): (node: PictureNode) => MemberLook {
  // A loop, not Math.max(...values): spreading thousands of arguments costs a copy and can overflow the stack.
  let largest = 1e-9;
  for (const node of picture.nodes) largest = Math.max(largest, node.measures[sizeBy] ?? 0);
  return (node) => ({ label: node.name, size: 4 + 14 * Math.sqrt((node.measures[sizeBy] ?? 0) / largest), color: TYPE_COLOURS[node.type] ?? TYPE_COLOURS.other });
}

/**
 * Adds a member where it was last drawn, held there, or, seen for the first time, scattered, free
 * to move and listed in `fresh` (the layout places it).
 */
function addMember(graph: Graph, node: PictureNode, look: MemberLook, options: PictureGraphOptions, fresh: string[]): void {
  const known = options.places.get(node.id);
  graph.addNode(node.id, { ...look, ...(known ?? options.scatter()), fixed: !options.everyoneFree && known !== undefined });
  if (!known) fresh.push(node.id);
}

/** A new graph of `picture`; answers it with the members seen for the first time. */
export function buildGraph(picture: Picture, options: PictureGraphOptions): { graph: Graph; fresh: string[] } {
  const graph = new Graph({ type: 'undirected' });
  const look = memberLooks(picture, options.sizeBy);
  const fresh: string[] = [];
  for (const node of picture.nodes) addMember(graph, node, look(node), options, fresh);
  // mergeEdge: a pair listed twice is drawn once.
  for (const tie of picture.ties) graph.mergeEdgeWithKey(tieKey(tie), tie.a, tie.b, tieLook(tie));
  return { graph, fresh };
}

/**
 * Brings `graph` to `picture` in place and answers the members added, or answers null, leaving the
 * graph untouched, when a member or tie would have to be dropped: sigma re-indexes the whole graph
 * after each drop, so then a new graph is cheaper. Members kept keep their place.
 */
export function updateGraph(graph: Graph, picture: Picture, options: PictureGraphOptions): string[] | null {
  // First only look: whether everything in the graph is still in the picture. The picture's
  // members and ties are distinct (the API's graph is a simple graph), so counts suffice.
  let kept = 0;
  for (const node of picture.nodes) if (graph.hasNode(node.id)) kept++;
  if (kept < graph.order) return null;
  const edges = new Array<string | undefined>(picture.ties.length);
  kept = 0;
  picture.ties.forEach((tie, i) => {
    edges[i] = graph.hasNode(tie.a) && graph.hasNode(tie.b) ? graph.edge(tie.a, tie.b) : undefined;
    if (edges[i] !== undefined) kept++;
  });
  if (kept < graph.size) return null;

  const look = memberLooks(picture, options.sizeBy);
  const byId = new Map(picture.nodes.map((node) => [node.id, node]));
  // Members drawn before, all at once (one event for sigma, not one per member).
  graph.updateEachNodeAttributes((id, attributes) => ({ ...attributes, ...look(byId.get(id)!), fixed: !options.everyoneFree }));
  const fresh: string[] = [];
  for (const node of picture.nodes) if (!graph.hasNode(node.id)) addMember(graph, node, look(node), options, fresh);
  picture.ties.forEach((tie, i) => {
    const key = edges[i];
    if (key === undefined) return void graph.mergeEdgeWithKey(tieKey(tie), tie.a, tie.b, tieLook(tie));
    const drawn = graph.getEdgeAttributes(key);
    // Only ties that look different now (each change is indexed by sigma one by one), and no
    // object made for the others: in the profile of the slider's steps, garbage collection came second only to sigma's processing.
    if (drawn.color !== tieColour(tie) || drawn.size !== tieSize(tie)) graph.mergeEdgeAttributes(key, tieLook(tie));
  });
  return fresh;
}
