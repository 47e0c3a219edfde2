import { z } from "zod";

export const NETWORK_NODE_TYPES = ["internet", "cloud", "segment", "device", "other"] as const;
/** Limits keep the stored document and the rendered SVG small (a readable diagram never needs more). */
export const NETWORK_LIMITS = { nodes: 300, edges: 1000, label: 100 } as const;

const ZCoordinate = z.number().finite().min(-1_000_000).max(1_000_000);
const ZElementId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const ZNetworkNode = z.object({
  id: ZElementId,
  type: z.enum(NETWORK_NODE_TYPES),
  label: z.string().trim().max(NETWORK_LIMITS.label),
  /** For type "device": the device in the register this node stands for. */
  deviceId: z.uuid().nullable().default(null),
  position: z.object({ x: ZCoordinate, y: ZCoordinate }),
});
export type TNetworkNode = z.infer<typeof ZNetworkNode>;

export const ZNetworkEdge = z.object({
  id: ZElementId,
  source: ZElementId,
  target: ZElementId,
  label: z.string().trim().max(NETWORK_LIMITS.label).default(""),
});
export type TNetworkEdge = z.infer<typeof ZNetworkEdge>;

/**
 * The network diagram the police ask for in an incident (notice of 2025-01-31, ②:
 * "ネットワークの構成（ネットワーク構成図等）"): one document per organisation.
 */
export const ZNetworkDiagramDocument = z
  .object({
    version: z.literal(1),
    nodes: z.array(ZNetworkNode).max(NETWORK_LIMITS.nodes),
    edges: z.array(ZNetworkEdge).max(NETWORK_LIMITS.edges),
  })
  .superRefine((doc, ctx) => {
    const ids = new Set<string>();
    doc.nodes.forEach((n, i) => {
      if (ids.has(n.id))
        ctx.addIssue({ code: "custom", path: ["nodes", i, "id"], message: "duplicate node id" });
      ids.add(n.id);
    });
    const edgeIds = new Set<string>();
    doc.edges.forEach((e, i) => {
      if (edgeIds.has(e.id))
        ctx.addIssue({ code: "custom", path: ["edges", i, "id"], message: "duplicate edge id" });
      edgeIds.add(e.id);
      if (!ids.has(e.source))
        ctx.addIssue({ code: "custom", path: ["edges", i, "source"], message: "unknown node" });
      if (!ids.has(e.target))
        ctx.addIssue({ code: "custom", path: ["edges", i, "target"], message: "unknown node" });
    });
  });
export type TNetworkDiagramDocument = z.infer<typeof ZNetworkDiagramDocument>;

export const ZNetworkDiagram = z.object({
  document: ZNetworkDiagramDocument,
  /** null while nothing has been saved yet. */
  updatedAt: z.string().nullable(),
});
export type TNetworkDiagram = z.infer<typeof ZNetworkDiagram>;

export const EMPTY_NETWORK_DIAGRAM: TNetworkDiagramDocument = { version: 1, nodes: [], edges: [] };
