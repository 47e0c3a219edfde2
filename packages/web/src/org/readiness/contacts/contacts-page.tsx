import { Alert, Button, Card, Group, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { CONTACT_CATEGORIES, type TContact, type TContactInput, type TContactsOverview } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client";
import { useSession } from "../../../api/session";
import { FormError } from "../../../components/form-error";
import { VerificationBadge } from "./contact-badge";
import { ContactForm } from "./contact-form";
import { PolicePanel } from "./police-panel";

type Editing = { contact: Partial<TContact> & { category: TContact["category"] } } | null;
const KEY = ["readiness", "contacts"];

/** Contacts: the police (built-in numbers and the organisation's own desk record), team and external parties. */
export function ContactsPage() {
  const { t } = useTranslation("readiness");
  const { data: session } = useSession();
  const canEdit = session?.user?.role === "admin" || session?.user?.role === "member";
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: KEY,
    queryFn: () => api<TContactsOverview>("GET", "/api/readiness/contacts"),
  });
  const [editing, setEditing] = useState<Editing>(null);
  const save = useMutation({
    mutationFn: (input: TContactInput) =>
      editing?.contact.id
        ? api<TContact>("PUT", `/api/readiness/contacts/${editing.contact.id}`, input)
        : api<TContact>("POST", "/api/readiness/contacts", input),
    onSuccess: async () => {
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: ["readiness"] });
      notifications.show({ color: "green", message: t("contacts.saved") });
    },
  });
  const remove = useMutation({
    mutationFn: (c: TContact) => api<void>("DELETE", `/api/readiness/contacts/${c.id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["readiness"] }),
  });
  const open = (contact: NonNullable<Editing>["contact"]) => {
    save.reset();
    setEditing({ contact });
  };
  const overview = query.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t("contacts.title")}</Title>
        {canEdit && <Button onClick={() => open({ category: "team" })}>{t("contacts.add")}</Button>}
      </Group>
      <FormError error={query.error ?? remove.error} />
      {overview && (
        <>
          {overview.staleCount > 0 && (
            <Alert color="orange" data-testid="stale-contacts">
              {t("contacts.staleSummary", { count: overview.staleCount })}
            </Alert>
          )}
          <PolicePanel
            overview={overview}
            onAddDesk={
              canEdit ? () => open({ category: "police_desk", role: "prefectural_desk" }) : undefined
            }
            onEditDesk={canEdit && overview.policeDesk ? () => open(overview.policeDesk!) : undefined}
          />
          {CONTACT_CATEGORIES.filter((c) => c !== "police_desk").map((category) => (
            <ContactTable
              key={category}
              title={t(`contacts.categories.${category}`)}
              contacts={overview.contacts.filter((c) => c.category === category)}
              onEdit={canEdit ? (c) => open(c) : undefined}
              onDelete={
                canEdit
                  ? (c) => window.confirm(t("contacts.deleteConfirm", { name: c.name })) && remove.mutate(c)
                  : undefined
              }
            />
          ))}
        </>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t("contacts.title")} size="lg">
        {editing && (
          <ContactForm
            initial={editing.contact}
            onSubmit={(input) => save.mutate(input)}
            onCancel={() => setEditing(null)}
            pending={save.isPending}
            error={save.error}
          />
        )}
      </Modal>
    </Stack>
  );
}

function ContactTable(props: {
  title: string;
  contacts: TContact[];
  onEdit?: (c: TContact) => void;
  onDelete?: (c: TContact) => void;
}) {
  const { t } = useTranslation("readiness");
  return (
    <Card withBorder>
      <Title order={4} size="h5">
        {props.title}
      </Title>
      {props.contacts.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t("contacts.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table mt="xs" data-testid="contacts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("contacts.fields.role")}</Table.Th>
                <Table.Th>{t("contacts.fields.name")}</Table.Th>
                <Table.Th>{t("contacts.fields.phone")}</Table.Th>
                <Table.Th>{t("contacts.fields.outOfHoursPhone")}</Table.Th>
                <Table.Th>{t("contacts.fields.verifiedAt")}</Table.Th>
                {props.onEdit && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.contacts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{t(`contacts.roles.${c.role}`)}</Table.Td>
                  <Table.Td>
                    {c.name}
                    {c.affiliation && (
                      <Text size="xs" c="dimmed">
                        {c.affiliation}
                      </Text>
                    )}
                    {c.policyNumber && (
                      <Text size="xs">
                        {t("contacts.fields.policyNumber")}: {c.policyNumber}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.phone}</Table.Td>
                  <Table.Td>{c.outOfHoursPhone ?? c.hotline}</Table.Td>
                  <Table.Td>
                    <VerificationBadge contact={c} />
                  </Table.Td>
                  {props.onEdit && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => props.onEdit?.(c)}>
                          {t("contacts.edit")}
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => props.onDelete?.(c)}>
                          {t("contacts.delete")}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
