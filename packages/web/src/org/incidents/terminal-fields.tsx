import { Button, Card, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TerminalDraft } from "./wizard-draft";

const ROLES = ["pc", "server", "domain-controller", "file-server", "nas", "network-device", "other"] as const;

/** One affected terminal: host, user, OS, role, encrypted, symptoms, isolated at, power state. */
export function TerminalFields(props: {
  index: number;
  value: TerminalDraft;
  onChange: (v: TerminalDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation("incidents");
  const { value: v, onChange } = props;
  const set = <K extends keyof TerminalDraft>(key: K, value: TerminalDraft[K]) =>
    onChange({ ...v, [key]: value });
  const tri = ["yes", "no", "unknown"].map((x) => ({ value: x, label: t(`tri.${x}`) }));
  const n = props.index + 1;
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={`${t("field.host")} ${n}`}
          required
          value={v.host}
          onChange={(e) => set("host", e.currentTarget.value)}
        />
        <TextInput
          label={t("field.userName")}
          value={v.userName}
          onChange={(e) => set("userName", e.currentTarget.value)}
        />
        <TextInput label={t("field.os")} value={v.os} onChange={(e) => set("os", e.currentTarget.value)} />
        <Select
          label={t("field.role")}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={v.role}
          onChange={(x) => x && set("role", x as TerminalDraft["role"])}
          allowDeselect={false}
        />
        <Select
          label={t("field.encrypted")}
          data={tri}
          value={v.encrypted}
          onChange={(x) => x && set("encrypted", x as TerminalDraft["encrypted"])}
          allowDeselect={false}
        />
        <Select
          label={t("field.powerState")}
          data={["on", "off", "unknown"].map((x) => ({ value: x, label: t(`power.${x}`) }))}
          value={v.powerState}
          onChange={(x) => x && set("powerState", x as TerminalDraft["powerState"])}
          allowDeselect={false}
        />
        <TextInput
          type="datetime-local"
          label={t("field.isolatedAt")}
          value={v.isolatedAt}
          onChange={(e) => set("isolatedAt", e.currentTarget.value)}
        />
        <TextInput
          label={t("field.symptoms")}
          value={v.symptoms}
          onChange={(e) => set("symptoms", e.currentTarget.value)}
        />
      </SimpleGrid>
      <Button variant="subtle" color="red" mt="xs" onClick={props.onRemove}>
        {t("removeTerminal")}
      </Button>
    </Card>
  );
}
