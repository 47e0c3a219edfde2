import { Button, Group, Select, TextInput } from "@mantine/core";
import { NETWORK_NODE_TYPES, type TNetworkNode } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client";
import type { DiagramFlowNode } from "./diagram-node";

/** Adding nodes and links with labelled form controls, so the editor also works with a keyboard. */
export function NetworkToolbar(props: {
  nodes: readonly DiagramFlowNode[];
  onAddNode(node: { kind: TNetworkNode["type"]; label: string; deviceId: string | null }): void;
  onAddLink(source: string, target: string): void;
}) {
  const { t } = useTranslation("readiness");
  const [kind, setKind] = useState<TNetworkNode["type"]>("device");
  const [label, setLabel] = useState("");
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const deviceList = useQuery({
    queryKey: ["readiness", "devices"],
    queryFn: () => api<{ devices: { id: string; name: string }[] }>("GET", "/api/readiness/devices"),
  });
  const devices = deviceList.data?.devices ?? [];
  const nodeOptions = props.nodes.map((n) => ({
    value: n.id,
    label: n.data.label || t(`network.types.${n.data.kind}`),
  }));
  return (
    <>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          label={t("network.nodeType")}
          data={NETWORK_NODE_TYPES.map((k) => ({ value: k, label: t(`network.types.${k}`) }))}
          value={kind}
          onChange={(k) => k && setKind(k as TNetworkNode["type"])}
          allowDeselect={false}
          w={150}
        />
        {kind === "device" && devices.length > 0 && (
          <Select
            label={t("network.device")}
            data={devices.map((d) => ({ value: d.id, label: d.name }))}
            value={deviceId}
            onChange={(id) => {
              setDeviceId(id);
              const name = devices.find((d) => d.id === id)?.name;
              if (name && !label) setLabel(name);
            }}
            clearable
            w={200}
          />
        )}
        <TextInput
          label={t("network.nodeLabel")}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          maxLength={100}
          w={200}
        />
        <Button
          onClick={() => {
            props.onAddNode({ kind, label: label.trim(), deviceId: kind === "device" ? deviceId : null });
            setLabel("");
            setDeviceId(null);
          }}
        >
          {t("network.addNode")}
        </Button>
      </Group>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select label={t("network.linkFrom")} data={nodeOptions} value={from} onChange={setFrom} w={200} />
        <Select label={t("network.linkTo")} data={nodeOptions} value={to} onChange={setTo} w={200} />
        <Button
          variant="light"
          disabled={!from || !to || from === to}
          onClick={() => {
            if (from && to) props.onAddLink(from, to);
            setFrom(null);
            setTo(null);
          }}
        >
          {t("network.addLink")}
        </Button>
      </Group>
    </>
  );
}
