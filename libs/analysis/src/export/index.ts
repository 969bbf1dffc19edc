/** Exports of the network: GraphML and CSV at a date, and a dynamic GEXF of its development for Gephi. */
export { csvField, toCsv } from './csv';
export { GEXF_INTERVALS, dynamicGexf, toDynamicGexf } from './gexf';
export type { DynamicGexfOptions, GexfInterval } from './gexf';
export { toGraphML } from './graphml';
export type { GraphExportOptions } from './graphml';
export { escapeXml } from './xml';
