import "@xyflow/react/dist/style.css";
import { Box } from "@mantine/core";
import type { TNetworkDiagramDocument } from "@sonae/core";
import {
  addEdge,
  Background,
  type Connection,
  Controls,
  type Edge,
  type OnEdgesChange,
  type OnNodesChange,
  ReactFlow,
} from "@xyflow/react";
import { useCallback } from "react";
import { type DiagramFlowNode, DiagramNode } from "./diagram-node";

const NODE_TYPES = { sonae: DiagramNode };

export const newElementId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** The stored document as React Flow nodes and edges. */
export function toFlow(doc: TNetworkDiagramDocument): { nodes: DiagramFlowNode[]; edges: Edge[] } {
  return {
    nodes: doc.nodes.map((n) => ({
      id: n.id,
      type: "sonae",
      position: n.position,
      data: { kind: n.type, label: n.label, deviceId: n.deviceId },
    })),
    edges: doc.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: e.label || undefined,
    })),
  };
}

/** React Flow's state back to the stored document (positions rounded: the document is diffed and audited). */
export function toDocument(
  nodes: readonly DiagramFlowNode[],
  edges: readonly Edge[],
): TNetworkDiagramDocument {
  return {
    version: 1,
    nodes: nodes.map((n) => ({
      id: n.id,
      type: n.data.kind,
      label: n.data.label,
      deviceId: n.data.deviceId,
      position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
    })),
    edges: edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: typeof e.label === "string" ? e.label : "",
    })),
  };
}

/** The canvas: drag nodes, connect handles, select and press Delete; read-only for viewers. */
export function NetworkEditor(props: {
  nodes: DiagramFlowNode[];
  edges: Edge[];
  onNodesChange: OnNodesChange<DiagramFlowNode>;
  onEdgesChange: OnEdgesChange;
  setEdges: (update: (edges: Edge[]) => Edge[]) => void;
  readOnly: boolean;
}) {
  const { setEdges } = props;
  const onConnect = useCallback(
    (c: Connection) => setEdges((eds) => addEdge({ ...c, id: newElementId("e") }, eds)),
    [setEdges],
  );
  return (
    <Box
      h={{ base: 420, sm: 560 }}
      style={{ border: "1px solid var(--mantine-color-gray-4)", borderRadius: 8 }}
      data-testid="network-canvas"
    >
      <ReactFlow
        nodes={props.nodes}
        edges={props.edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={props.onNodesChange}
        onEdgesChange={props.onEdgesChange}
        onConnect={onConnect}
        nodesDraggable={!props.readOnly}
        nodesConnectable={!props.readOnly}
        elementsSelectable={!props.readOnly}
        deleteKeyCode={props.readOnly ? null : ["Delete", "Backspace"]}
        fitView
        proOptions={{ hideAttribution: false }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </Box>
  );
}
