import { Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import {
  CONTACT_CATEGORIES,
  EXTERNAL_ROLES,
  POLICE_DESK_ROLES,
  type TContact,
  type TContactInput,
  TEAM_ROLES,
} from "@sonae/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/form-error";

type Category = TContactInput["category"];
const ROLES: Record<Category, readonly string[]> = {
  police_desk: POLICE_DESK_ROLES,
  team: TEAM_ROLES,
  external: EXTERNAL_ROLES,
};
type Draft = Record<Exclude<keyof TContactInput, "category">, string> & { category: Category };

function toDraft(c: Partial<TContact> & { category: Category }): Draft {
  return {
    category: c.category,
    role: c.role ?? ROLES[c.category][0]!,
    name: c.name ?? "",
    affiliation: c.affiliation ?? "",
    phone: c.phone ?? "",
    outOfHoursPhone: c.outOfHoursPhone ?? "",
    email: c.email ?? "",
    url: c.url ?? "",
    policyNumber: c.policyNumber ?? "",
    hotline: c.hotline ?? "",
    notes: c.notes ?? "",
    verifiedAt: c.verifiedAt ?? "",
  };
}

/** Add or edit one contact. Empty fields are sent as null; the server validates and audits. */
export function ContactForm(props: {
  initial: Partial<TContact> & { category: Category };
  onSubmit: (input: TContactInput) => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation("readiness");
  const [d, setD] = useState<Draft>(() => toDraft(props.initial));
  const set = (key: keyof Draft) => (value: string) => setD((prev) => ({ ...prev, [key]: value }));
  const text = (key: Exclude<keyof Draft, "category" | "role">, type = "text") => (
    <TextInput
      label={t(`contacts.fields.${key}`)}
      type={type}
      value={d[key]}
      onChange={(e) => set(key)(e.currentTarget.value)}
      required={key === "name"}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = Object.fromEntries(
      Object.entries(d).map(([k, v]) => [k, v.trim() === "" ? null : v.trim()]),
    ) as unknown as TContactInput;
    props.onSubmit(input);
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <Select
        label={t("contacts.fields.category")}
        data={CONTACT_CATEGORIES.map((c) => ({ value: c, label: t(`contacts.categories.${c}`) }))}
        value={d.category}
        onChange={(v) =>
          v && setD((p) => ({ ...p, category: v as Category, role: ROLES[v as Category][0]! }))
        }
        allowDeselect={false}
      />
      <Select
        label={t("contacts.fields.role")}
        data={ROLES[d.category].map((r) => ({ value: r, label: t(`contacts.roles.${r}`) }))}
        value={d.role}
        onChange={(v) => v && set("role")(v)}
        allowDeselect={false}
      />
      {text("name")}
      {text("affiliation")}
      {text("phone", "tel")}
      {text("outOfHoursPhone", "tel")}
      {text("email", "email")}
      {text("url", "url")}
      {d.category === "external" && d.role === "insurer" && (
        <>
          {text("policyNumber")}
          {text("hotline", "tel")}
        </>
      )}
      {text("verifiedAt", "date")}
      <Textarea
        label={t("contacts.fields.notes")}
        value={d.notes}
        onChange={(e) => set("notes")(e.currentTarget.value)}
      />
      <FormError error={props.error} />
      <Group>
        <Button type="submit" loading={props.pending}>
          {t("contacts.save")}
        </Button>
        <Button variant="default" onClick={props.onCancel}>
          {t("contacts.cancel")}
        </Button>
      </Group>
    </Stack>
  );
}
