import { Graph, layout } from "@dagrejs/dagre";
import { NETWORK_NODE_SIZE, type TNetworkDiagramDocument } from "@sonae/core";

/**
 * Lays the diagram out top-down with dagre (layered graph drawing): the internet on top, then edge
 * devices, then segments. Deterministic for the same document, so "auto layout" twice is a no-op.
 */
export function layoutNetworkDiagram(doc: TNetworkDiagramDocument): TNetworkDiagramDocument {
  const g = new Graph<{ rankdir: string }, { width: number; height: number; x?: number; y?: number }>();
  g.setGraph({ rankdir: "TB", nodesep: 40, ranksep: 70, marginx: 20, marginy: 20 } as never);
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of doc.nodes)
    g.setNode(n.id, { width: NETWORK_NODE_SIZE.width, height: NETWORK_NODE_SIZE.height });
  for (const e of doc.edges) g.setEdge(e.source, e.target);
  layout(g);
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const p = g.node(n.id);
      const x = Math.round((p?.x ?? 0) - NETWORK_NODE_SIZE.width / 2);
      const y = Math.round((p?.y ?? 0) - NETWORK_NODE_SIZE.height / 2);
      return { ...n, position: { x, y } };
    }),
  };
}
