import { Button, Group, Select, Table, Text } from "@mantine/core";
import { HUB_ROLES, type THubRole } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Memberships } from "./admin-api";
import { useUnitName } from "./unit-name";

type Member = Memberships["members"][number];

/** One member: unit and role can be changed within the admin's rights; removal asks first. */
export function MemberRow(props: {
  m: Member;
  unitIds: number[];
  busy: boolean;
  onSave: (v: { email: string; unitId: number; role: THubRole }) => void;
  onRemove: (m: Member) => void;
}) {
  const { t } = useTranslation("hubAdmin");
  const unitName = useUnitName();
  const { m } = props;
  const [unitId, setUnitId] = useState(String(m.unitId));
  const [role, setRole] = useState<THubRole>(m.role);
  const changed = unitId !== String(m.unitId) || role !== m.role;
  return (
    <Table.Tr data-testid={`member-${m.email}`}>
      <Table.Td>
        <Text size="sm">{m.displayName}</Text>
        {m.isDisabled && (
          <Text size="xs" c="red">
            {t("members.disabled")}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ wordBreak: "break-all" }}>
          {m.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t("members.unit")}
          size="xs"
          data={props.unitIds.map((id) => ({ value: String(id), label: unitName(id) }))}
          value={unitId}
          onChange={(v) => v && setUnitId(v)}
          disabled={props.unitIds.length < 2}
          searchable
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t("members.role")}
          size="xs"
          data={HUB_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={role}
          onChange={(v) => v && setRole(v as THubRole)}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            disabled={!changed || props.busy}
            onClick={() => props.onSave({ email: m.email, unitId: Number(unitId), role })}
          >
            {t("members.save")}
          </Button>
          <Button
            size="xs"
            color="red"
            variant="light"
            disabled={props.busy}
            onClick={() => props.onRemove(m)}
          >
            {t("members.remove")}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
