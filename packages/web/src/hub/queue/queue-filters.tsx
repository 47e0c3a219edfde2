import { Group, SegmentedControl, Select, TextInput } from "@mantine/core";
import { HUB_UNITS } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { QueueParams } from "../hub-api";

type Filters = Pick<QueueParams, "q" | "status" | "sla" | "kind" | "unitId" | "key">;

/** Search and filters of the queue; the search applies on Enter (each query is audited). */
export function QueueFilters(props: {
  value: Filters;
  onChange(next: Filters): void;
  unconfirmedOpen: number;
}) {
  const { t, i18n } = useTranslation("hub");
  const en = i18n.language.startsWith("en");
  const [q, setQ] = useState(props.value.q ?? "");
  const set = (key: keyof Filters) => (v: string | null) =>
    props.onChange({ ...props.value, [key]: v ?? "" });
  const any = { value: "", label: t("queue.any") };
  return (
    <>
      <SegmentedControl
        value={props.value.key || "confirmed"}
        onChange={set("key")}
        data-testid="queue-lane"
        data={[
          { value: "confirmed", label: t("queue.lane.confirmed") },
          { value: "unconfirmed", label: t("queue.lane.unconfirmed", { n: props.unconfirmedOpen }) },
          { value: "all", label: t("queue.lane.all") },
        ]}
      />
      <Group gap="xs" align="end" wrap="wrap">
        <TextInput
          label={t("queue.search")}
          description={t("queue.searchHint")}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => e.key === "Enter" && props.onChange({ ...props.value, q })}
          w={320}
          data-testid="queue-search"
        />
        <Select
          label={t("queue.status")}
          w={130}
          value={props.value.status ?? ""}
          onChange={set("status")}
          data={[
            any,
            ...["new", "acknowledged", "in_progress", "closed"].map((s) => ({
              value: s,
              label: t(`hubExchange:status.${s}`),
            })),
          ]}
        />
        <Select
          label={t("queue.sla")}
          w={130}
          value={props.value.sla ?? ""}
          onChange={set("sla")}
          data={[
            any,
            ...["breached", "due_soon", "on_time"].map((s) => ({
              value: s,
              label: t(`queue.slaState.${s}`),
            })),
          ]}
        />
        <Select
          label={t("queue.kind")}
          w={130}
          value={props.value.kind ?? ""}
          onChange={set("kind")}
          data={[
            any,
            ...["report", "consultation", "information"].map((k) => ({
              value: k,
              label: t(`hubExchange:kind.${k}`),
            })),
          ]}
        />
        <Select
          label={t("queue.unit")}
          w={180}
          searchable
          value={props.value.unitId ?? ""}
          onChange={set("unitId")}
          data={[any, ...HUB_UNITS.map((u) => ({ value: String(u.id), label: en ? u.nameEn : u.nameJa }))]}
        />
      </Group>
    </>
  );
}
