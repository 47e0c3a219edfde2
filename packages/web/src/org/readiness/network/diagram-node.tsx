import { Text } from "@mantine/core";
import type { TNetworkNode } from "@sonae/core";
import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { useTranslation } from "react-i18next";

export type DiagramNodeData = { kind: TNetworkNode["type"]; label: string; deviceId: string | null };
export type DiagramFlowNode = Node<DiagramNodeData, "sonae">;

const STYLE: Record<
  TNetworkNode["type"],
  { background: string; border: string; radius: number; dashed?: boolean }
> = {
  internet: { background: "#fff4e6", border: "#e8590c", radius: 26 },
  cloud: { background: "#e7f5ff", border: "#1c7ed6", radius: 18, dashed: true },
  segment: { background: "#f3f0ff", border: "#7048e8", radius: 4 },
  device: { background: "#ffffff", border: "#343a40", radius: 6 },
  other: { background: "#f8f9fa", border: "#868e96", radius: 6 },
};

/** One node in the editor: the same shapes and colours as the exported SVG (core/network-svg). */
export function DiagramNode({ data, selected }: NodeProps<DiagramFlowNode>) {
  const { t } = useTranslation("readiness");
  const s = STYLE[data.kind];
  return (
    <div
      data-testid="diagram-node"
      style={{
        width: 168,
        height: 52,
        background: s.background,
        border: `${selected ? 3 : 1.5}px ${s.dashed ? "dashed" : "solid"} ${s.border}`,
        borderRadius: s.radius,
        display: "flex",
        flexDirection: "column",
        alignItems: "center",
        justifyContent: "center",
        padding: "0 6px",
      }}
    >
      <Handle type="target" position={Position.Top} />
      <Text size="sm" fw={500} truncate="end" maw={156}>
        {data.label || t(`network.types.${data.kind}`)}
      </Text>
      {data.label && (
        <Text size="xs" c="dimmed">
          {t(`network.types.${data.kind}`)}
        </Text>
      )}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}
