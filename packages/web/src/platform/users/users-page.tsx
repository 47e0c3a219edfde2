import { Badge, Button, Group, PasswordInput, Select, Stack, Table, TextInput, Title } from "@mantine/core";
import { ROLES, type TRole, type TUser } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { formatDate } from "../../i18n/format";

const EMPTY = { displayName: "", email: "", password: "", role: "member" as TRole };

export function UsersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: ["users"],
    queryFn: () => api<{ users: TUser[] }>("GET", "/api/users"),
  });
  const [draft, setDraft] = useState(EMPTY);
  const create = useMutation({
    mutationFn: () => api<TUser>("POST", "/api/users", draft),
    onSuccess: async () => {
      setDraft(EMPTY);
      await queryClient.invalidateQueries({ queryKey: ["users"] });
    },
  });
  const changeRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: TRole }) =>
      api<TUser>("PATCH", `/api/users/${id}/role`, { role }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
  // Deactivation ends every session of the user at once (e.g. a departed employee or a stolen account).
  const disable = useMutation({
    mutationFn: (id: string) => api<TUser>("POST", `/api/users/${id}/disable`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`common.role.${r}`) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Stack gap="lg">
      <Title order={2}>{t("nav.users")}</Title>
      <FormError error={users.error ?? changeRole.error ?? disable.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("user.displayName")}</Table.Th>
              <Table.Th>{t("user.email")}</Table.Th>
              <Table.Th>{t("user.role")}</Table.Th>
              <Table.Th>{t("user.created")}</Table.Th>
              <Table.Th>{t("user.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t("user.role")}: ${u.displayName}`}
                    data={roleOptions}
                    value={u.role}
                    allowDeselect={false}
                    onChange={(role) => role && changeRole.mutate({ id: u.id, role: role as TRole })}
                    size="xs"
                  />
                </Table.Td>
                <Table.Td>{formatDate(u.createdAt)}</Table.Td>
                <Table.Td>
                  {u.isDisabled ? (
                    <Badge color="gray">{t("user.disabled")}</Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={disable.isPending && disable.variables === u.id}
                      onClick={() => {
                        if (window.confirm(t("user.disableConfirm", { name: u.displayName })))
                          disable.mutate(u.id);
                      }}
                    >
                      {t("user.disable")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack component="form" onSubmit={submit} maw={480} gap="sm">
        <Title order={3} size="h4">
          {t("user.add")}
        </Title>
        <TextInput
          label={t("user.displayName")}
          required
          value={draft.displayName}
          onChange={(e) => setDraft({ ...draft, displayName: e.currentTarget.value })}
        />
        <TextInput
          label={t("user.email")}
          type="email"
          required
          value={draft.email}
          onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
        />
        <PasswordInput
          label={t("user.password")}
          required
          minLength={12}
          autoComplete="new-password"
          value={draft.password}
          onChange={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
        />
        <Select
          label={t("user.role")}
          data={roleOptions}
          value={draft.role}
          allowDeselect={false}
          onChange={(r) => r && setDraft({ ...draft, role: r as TRole })}
        />
        <FormError error={create.error} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("user.add")}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
