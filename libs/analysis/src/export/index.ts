/** Exports of the network: GraphML and CSV at a date, and a dynamic GEXF of its development for Gephi. */
export { csvField, toCsv } from './csv';
export { MAX_GEXF_STEPS, toDynamicGexf } from './gexf';
export type { DynamicGexfOptions } from './gexf';
export { toGraphML } from './graphml';
export type { GraphExportOptions } from './graphml';
export { escapeXml } from './xml';
