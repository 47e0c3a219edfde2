import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TNetworkDiagram } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type Edge, ReactFlowProvider, useEdgesState, useNodesState, useReactFlow } from "@xyflow/react";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client";
import { useSession } from "../../../api/session";
import { FormError } from "../../../components/form-error";
import { formatDateTime } from "../../../i18n/format";
import type { DiagramFlowNode } from "./diagram-node";
import { NetworkEditor, newElementId, toDocument, toFlow } from "./network-editor";
import { downloadDiagramPng, downloadDiagramSvg } from "./network-export";
import { layoutNetworkDiagram } from "./network-layout";
import { NetworkToolbar } from "./network-toolbar";

const KEY = ["readiness", "network"];

/** readiness/network: the diagram editor (React Flow), dagre auto-layout, save, SVG/PNG export. */
export function NetworkPage() {
  return (
    <ReactFlowProvider>
      <NetworkDiagramScreen />
    </ReactFlowProvider>
  );
}

function NetworkDiagramScreen() {
  const { t } = useTranslation("readiness");
  const { data: session } = useSession();
  const canEdit = session?.user?.role === "admin" || session?.user?.role === "member";
  const queryClient = useQueryClient();
  const flow = useReactFlow();
  const query = useQuery({
    queryKey: KEY,
    queryFn: () => api<TNetworkDiagram>("GET", "/api/readiness/network"),
  });
  const [nodes, setNodes, onNodesChange] = useNodesState<DiagramFlowNode>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>([]);
  const [savedJson, setSavedJson] = useState("");
  useEffect(() => {
    if (!query.data) return;
    const f = toFlow(query.data.document);
    setNodes(f.nodes);
    setEdges(f.edges);
    setSavedJson(JSON.stringify(query.data.document));
  }, [query.data, setNodes, setEdges]);
  const doc = useMemo(() => toDocument(nodes, edges), [nodes, edges]);
  const dirty = query.data !== undefined && JSON.stringify(doc) !== savedJson;
  const save = useMutation({
    mutationFn: () => api<TNetworkDiagram>("PUT", "/api/readiness/network", doc),
    onSuccess: async (saved) => {
      queryClient.setQueryData(KEY, saved);
      notifications.show({ color: "green", message: t("network.saved") });
      await queryClient.invalidateQueries({ queryKey: ["readiness", "assessment"] });
    },
  });
  const autoLayout = () => {
    const laid = toFlow(layoutNetworkDiagram(doc));
    setNodes((current) =>
      current.map((n) => ({ ...n, position: laid.nodes.find((l) => l.id === n.id)?.position ?? n.position })),
    );
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2 }));
  };
  const removeSelected = () => {
    const gone = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
    setNodes((ns) => ns.filter((n) => !n.selected));
    setEdges((es) => es.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target)));
  };
  return (
    <Stack gap="sm">
      <Title order={3}>{t("network.title")}</Title>
      <Text size="sm">{t("network.intro")}</Text>
      <Text size="xs" c="dimmed">
        {t("network.source")}
      </Text>
      <FormError error={query.error ?? save.error} />
      {canEdit && (
        <NetworkToolbar
          nodes={nodes}
          onAddNode={(n) => {
            const y = nodes.reduce((max, node) => Math.max(max, node.position.y + 90), 0);
            setNodes((ns) => [
              ...ns,
              { id: newElementId("n"), type: "sonae", position: { x: 0, y }, data: n },
            ]);
          }}
          onAddLink={(source, target) => setEdges((es) => [...es, { id: newElementId("e"), source, target }])}
        />
      )}
      <Group gap="xs" wrap="wrap">
        {canEdit && (
          <>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
              {t("network.save")}
            </Button>
            <Button variant="default" onClick={autoLayout} disabled={nodes.length === 0}>
              {t("network.autoLayout")}
            </Button>
            <Button variant="subtle" color="red" onClick={removeSelected}>
              {t("network.deleteSelected")}
            </Button>
          </>
        )}
        <Button variant="default" onClick={() => downloadDiagramSvg(doc, String(t("network.svgTitle")))}>
          {t("network.exportSvg")}
        </Button>
        <Button variant="default" onClick={() => void downloadDiagramPng(doc, String(t("network.svgTitle")))}>
          {t("network.exportPng")}
        </Button>
      </Group>
      {dirty && (
        <Text size="sm" c="orange.8" data-testid="diagram-unsaved">
          {t("network.unsaved")}
        </Text>
      )}
      {query.data?.updatedAt && !dirty && (
        <Text size="xs" c="dimmed" data-testid="diagram-saved-at">
          {t("network.lastSaved", { at: formatDateTime(query.data.updatedAt) })}
        </Text>
      )}
      {query.data && nodes.length === 0 && <Text size="sm">{t("network.empty")}</Text>}
      <NetworkEditor
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        setEdges={setEdges}
        readOnly={!canEdit}
      />
      {canEdit && (
        <Text size="xs" c="dimmed">
          {t("network.hint")}
        </Text>
      )}
    </Stack>
  );
}
