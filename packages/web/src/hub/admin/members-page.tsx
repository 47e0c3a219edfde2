import { Alert, Button, Card, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { HUB_ROLES, type THubRole } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { useMembershipChange, useMemberships } from "./admin-api";
import { MemberRow } from "./member-row";
import { ALL_UNIT_IDS, useUnitName } from "./unit-name";

/**
 * Memberships of the units the signed-in unit admin administers (every unit for a national unit
 * admin). The server decides what is allowed (the rights table); this page offers only that.
 */
export function MembersPage() {
  const { t } = useTranslation("hubAdmin");
  const unitName = useUnitName();
  const query = useMemberships();
  const { set, remove } = useMembershipChange();
  const [addEmail, setAddEmail] = useState<string | null>(null);
  const [addUnit, setAddUnit] = useState<string | null>(null);
  const [addRole, setAddRole] = useState<THubRole>("intake_officer");
  const data = query.data;
  const unitIds = data?.manageableUnitIds ?? ALL_UNIT_IDS;
  const busy = set.isPending || remove.isPending;
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t("members.title")}</Title>
      <Text size="sm">{data?.manageableUnitIds ? t("members.scopeUnit") : t("members.scopeNational")}</Text>
      {data && <Alert color="blue">{t("members.lastNationalAdmin", { n: data.nationalAdminCount })}</Alert>}
      <FormError error={query.error ?? set.error ?? remove.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped data-testid="members-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("members.name")}</Table.Th>
              <Table.Th>{t("members.email")}</Table.Th>
              <Table.Th>{t("members.unit")}</Table.Th>
              <Table.Th>{t("members.role")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.members.map((m) => (
              <MemberRow
                key={`${m.userId}:${m.unitId}:${m.role}`}
                m={m}
                unitIds={unitIds}
                busy={busy}
                onSave={(v) => set.mutate(v)}
                onRemove={(x) => {
                  if (window.confirm(t("members.confirmRemove", { name: x.displayName })))
                    remove.mutate(x.userId);
                }}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data?.members.length === 0 && <Text c="dimmed">{t("members.none")}</Text>}
      <Card withBorder>
        <Title order={3} size="h4">
          {t("members.add")}
        </Title>
        <Text size="xs" c="dimmed">
          {t("members.addHint")}
        </Text>
        <Group mt="xs" align="flex-end" wrap="wrap">
          <Select
            label={t("members.addUser")}
            data={(data?.unassigned ?? []).map((u) => ({
              value: u.email,
              label: `${u.displayName} <${u.email}>`,
            }))}
            value={addEmail}
            onChange={setAddEmail}
            searchable
            w={320}
          />
          <Select
            label={t("members.unit")}
            data={unitIds.map((id) => ({ value: String(id), label: unitName(id) }))}
            value={addUnit ?? (unitIds.length === 1 ? String(unitIds[0]) : null)}
            onChange={setAddUnit}
            searchable
          />
          <Select
            label={t("members.role")}
            data={HUB_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            value={addRole}
            onChange={(v) => v && setAddRole(v as THubRole)}
          />
          <Button
            disabled={!addEmail || busy}
            onClick={() => {
              const unit = addUnit ?? (unitIds.length === 1 ? String(unitIds[0]) : null);
              if (addEmail && unit) set.mutate({ email: addEmail, unitId: Number(unit), role: addRole });
            }}
          >
            {t("members.add")}
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}
