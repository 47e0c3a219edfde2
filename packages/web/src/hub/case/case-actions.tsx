import { Button, Card, Group, Select, Title } from "@mantine/core";
import { HUB_CATEGORIES, HUB_UNITS, type THubCaseDetail, type THubCaseUpdateRequest } from "@sonae/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { useCaseAssignees, useHubMe } from "../hub-api";

/** Acknowledge (starts the response clock), classify, prioritise, assign, share, transfer, escalate, close. */
export function CaseActions({ c }: { c: THubCaseDetail }) {
  const { t, i18n } = useTranslation("hub");
  const client = useQueryClient();
  const me = useHubMe();
  const assignees = useCaseAssignees(c.id);
  const [unit, setUnit] = useState<string | null>(null);
  const [shareUnit, setShareUnit] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (body: THubCaseUpdateRequest) => api("POST", `/api/hub/cases/${c.id}/actions`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ["hub"] }),
  });
  const en = i18n.language.startsWith("en");
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t("actions.title")}
      </Title>
      <FormError error={act.error} />
      <Group mt="xs" align="end" wrap="wrap">
        {!c.acknowledgedAt && (
          <Button onClick={() => act.mutate({ action: "acknowledge" })} loading={act.isPending}>
            {t("actions.acknowledge")}
          </Button>
        )}
        <Select
          label={t("actions.classify")}
          value={c.category}
          data={HUB_CATEGORIES.map((x) => ({ value: x, label: t(`category.${x}`) }))}
          onChange={(v) =>
            v && act.mutate({ action: "classify", category: v as (typeof HUB_CATEGORIES)[number] })
          }
          w={200}
        />
        <Select
          label={t("actions.prioritise")}
          value={c.priority}
          data={(["p1", "p2", "p3", "p4"] as const).map((x) => ({ value: x, label: t(`priority.${x}`) }))}
          onChange={(v) => v && act.mutate({ action: "prioritise", priority: v as "p1" })}
          w={160}
        />
        <Select
          label={t("actions.transfer")}
          value={unit}
          onChange={setUnit}
          searchable
          data={HUB_UNITS.filter((u) => u.kind === "prefecture" && u.id !== c.unitId).map((u) => ({
            value: String(u.id),
            label: en ? u.nameEn : u.nameJa,
          }))}
          w={220}
        />
        <Button
          variant="light"
          disabled={!unit}
          onClick={() => unit && act.mutate({ action: "transfer", unitId: Number(unit) })}
        >
          {t("actions.apply")}
        </Button>
        <Select
          label={t("actions.share")}
          value={shareUnit}
          onChange={setShareUnit}
          searchable
          data={HUB_UNITS.filter(
            (u) => u.id !== c.unitId && !c.sharedWith.some((s) => s.unitId === u.id),
          ).map((u) => ({ value: String(u.id), label: en ? u.nameEn : u.nameJa }))}
          w={220}
        />
        <Button
          variant="light"
          disabled={!shareUnit}
          onClick={() => shareUnit && act.mutate({ action: "share", unitId: Number(shareUnit) })}
        >
          {t("actions.apply")}
        </Button>
        <Select
          label={t("actions.assignTo")}
          value={c.assigneeUserId}
          searchable
          clearable
          data={(assignees.data ?? []).map((p) => ({
            value: p.userId,
            label: `${p.displayName} (${p.email})`,
          }))}
          onChange={(v) => v !== c.assigneeUserId && act.mutate({ action: "assign", assigneeUserId: v })}
          w={280}
        />
        {me.data && c.assigneeUserId !== me.data.userId && (
          <Button
            variant="light"
            onClick={() => act.mutate({ action: "assign", assigneeUserId: me.data.userId })}
          >
            {t("actions.assignMe")}
          </Button>
        )}
        {c.assigneeUserId && (
          <Button variant="subtle" onClick={() => act.mutate({ action: "assign", assigneeUserId: null })}>
            {t("actions.unassign")}
          </Button>
        )}
        {!c.escalated && (
          <Button color="orange" variant="light" onClick={() => act.mutate({ action: "escalate" })}>
            {t("actions.escalate")}
          </Button>
        )}
        {c.status !== "closed" && (
          <Button color="gray" variant="light" onClick={() => act.mutate({ action: "close" })}>
            {t("actions.close")}
          </Button>
        )}
      </Group>
    </Card>
  );
}
