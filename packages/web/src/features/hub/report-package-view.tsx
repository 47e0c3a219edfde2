import { Badge, Code, Group, List, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { PREFECTURES } from "@sonae/core";
import type { TReportPackageModel } from "@sonae/documents";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../i18n/format";

/** What the hub stored: an organisation's report package, or the public form's fields. */
type Payload = {
  package?: TReportPackageModel;
  evidenceManifests?: unknown[];
  form?: Record<string, unknown>;
};

const asPayload = (p: unknown): Payload => (p && typeof p === "object" ? (p as Payload) : {});

/** Reporter-supplied text: plain text only (never HTML, never a link), long values wrap. */
function Plain({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
      {children}
    </Text>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  if (value === undefined || value === null || value === "") return null;
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Plain>{value}</Plain>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={4} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** "13" → 東京都 / Tokyo; anything else (a name already) as given. */
function prefectureName(value: string, en: boolean): string {
  const p = PREFECTURES.find((x) => x.code === value);
  return p ? (en ? p.nameEn : p.nameJa) : value;
}

function PackageView({ pkg }: { pkg: TReportPackageModel }) {
  const { t, i18n } = useTranslation("hubReport");
  const en = i18n.language.startsWith("en");
  const tri = (v: string) => t(`tri.${v}`);
  const o = pkg.organisation;
  const c = pkg.contactPerson;
  const i = pkg.incident;
  const r = pkg.ransom;
  return (
    <Stack gap="md">
      <Section title={t("organisation")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Field label={t("name")} value={o.name} />
          <Field label={t("prefecture")} value={prefectureName(o.prefecture, en)} />
          <Field label={t("industry")} value={o.industry} />
          <Field label={t("sme")} value={o.isSme === undefined ? undefined : tri(o.isSme ? "yes" : "no")} />
          <Field label={t("contact")} value={[c.name, c.title].filter(Boolean).join(" / ")} />
          <Field label={t("phone")} value={c.phone} />
          <Field label={t("email")} value={c.email} />
          <Field label={t("reachable24h")} value={tri(c.reachable24h ? "yes" : "no")} />
        </SimpleGrid>
      </Section>
      <Section title={t("incident")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Field label={t("discoveredAt")} value={formatDateTime(i.discoveredAt)} />
          <Field label={t("firstAnomalyAt")} value={i.firstAnomalyAt && formatDateTime(i.firstAnomalyAt)} />
          <Field label={t("request")} value={t(`requestValue.${i.request}`)} />
          <Field label={t("personalData")} value={tri(i.personalDataInvolved)} />
          <Field label={t("family")} value={i.familyName} />
          <Field label={t("intrusion")} value={t(`intrusionValue.${pkg.intrusion.method}`)} />
        </SimpleGrid>
        <Field label={t("discoveredHow")} value={i.discoveredHow} />
        <Field label={t("summary")} value={i.summary} />
        <Field label={t("businessImpact")} value={i.businessImpact} />
        <Field label={t("intrusion")} value={pkg.intrusion.detail} />
      </Section>
      {pkg.affectedTerminals.length > 0 && (
        <Section title={t("terminals", { n: pkg.affectedTerminals.length })}>
          <ScrollArea type="auto">
            <Table striped withTableBorder miw={720} data-testid="report-terminals">
              <Table.Thead>
                <Table.Tr>
                  {(["name", "role", "os", "encrypted", "symptoms", "isolated", "poweredOff"] as const).map(
                    (k) => (
                      <Table.Th key={k}>{t(`terminalCols.${k}`)}</Table.Th>
                    ),
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pkg.affectedTerminals.map((a, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a received report is read-only; its rows never reorder
                  <Table.Tr key={`${a.name}-${n}`}>
                    <Table.Td>{a.name}</Table.Td>
                    <Table.Td>{a.role}</Table.Td>
                    <Table.Td>{a.os ?? "—"}</Table.Td>
                    <Table.Td>
                      <Badge color={a.encrypted === "yes" ? "red" : "gray"}>{tri(a.encrypted)}</Badge>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{a.symptoms}</Table.Td>
                    <Table.Td>{tri(a.isolated)}</Table.Td>
                    <Table.Td>{tri(a.poweredOff)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Section>
      )}
      {pkg.internetFacingDevices.length > 0 && (
        <Section title={t("devices", { n: pkg.internetFacingDevices.length })}>
          <ScrollArea type="auto">
            <Table striped withTableBorder miw={720} data-testid="report-devices">
              <Table.Thead>
                <Table.Tr>
                  {(["name", "product", "usage", "patch", "kev"] as const).map((k) => (
                    <Table.Th key={k}>{t(`deviceCols.${k}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pkg.internetFacingDevices.map((d, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a received report is read-only; its rows never reorder
                  <Table.Tr key={`${d.name}-${n}`}>
                    <Table.Td>
                      {d.name} ({d.type})
                    </Table.Td>
                    <Table.Td>{[d.vendor, d.product, d.version].filter(Boolean).join(" ") || "—"}</Table.Td>
                    <Table.Td>{d.usage ?? "—"}</Table.Td>
                    <Table.Td>
                      <Badge
                        color={
                          d.patchState === "outdated"
                            ? "red"
                            : d.patchState === "unknown"
                              ? "orange"
                              : "green"
                        }
                      >
                        {t(`patchValue.${d.patchState}`)}
                      </Badge>
                      {d.patchNote && <Text size="xs">{d.patchNote}</Text>}
                    </Table.Td>
                    <Table.Td>{d.kevMatches.map((k) => k.cveId).join(", ") || "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Section>
      )}
      <Section title={t("network")}>
        <Plain>{pkg.networkDiagram.description}</Plain>
        {pkg.networkDiagram.attachments.map((a) => (
          <Text key={a.sha256} size="xs" ff="monospace" style={{ overflowWrap: "anywhere" }}>
            {a.fileName} sha256:{a.sha256}
          </Text>
        ))}
      </Section>
      <Section title={t("ransom")}>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Field label={t("encrypted")} value={tri(r.encrypted)} />
          <Field label={t("leakThreatened")} value={tri(r.leakThreatened)} />
          <Field label={t("demanded")} value={tri(r.demanded)} />
          <Field label={t("paid")} value={t(`paidValue.${r.paid}`)} />
          <Field label={t("amount")} value={r.amount} />
          <Field label={t("deadline")} value={r.deadline} />
          <Field label={t("extension")} value={r.encryptedExtension} />
          <Field label={t("noteFile")} value={r.noteFileName} />
        </SimpleGrid>
        {r.noteText && (
          <>
            <Text size="xs" c="dimmed">
              {t("noteText")}
            </Text>
            <Code
              block
              style={{ maxHeight: 240, overflow: "auto", whiteSpace: "pre-wrap", wordBreak: "break-word" }}
            >
              {r.noteText}
            </Code>
          </>
        )}
      </Section>
      {pkg.timeline.length > 0 && (
        <Section title={t("timeline")}>
          <List size="sm" spacing={2}>
            {pkg.timeline.map((e, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a received report is read-only; its rows never reorder
              <List.Item key={`${e.at}-${n}`}>
                {formatDateTime(e.at)} — {e.event}
              </List.Item>
            ))}
          </List>
        </Section>
      )}
      {pkg.actionsTaken.length > 0 && (
        <Section title={t("actions")}>
          <List size="sm" spacing={2}>
            {pkg.actionsTaken.map((a, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a received report is read-only; its rows never reorder
              <List.Item key={`${a.action}-${n}`}>
                {a.at ? `${formatDateTime(a.at)} — ` : ""}
                {a.action}
              </List.Item>
            ))}
          </List>
        </Section>
      )}
      {pkg.preservedLogs && (
        <Section title={t("logs", { n: pkg.preservedLogs.items.length })}>
          {pkg.preservedLogs.items.slice(0, 50).map((l) => (
            <Text key={`${l.sha256}-${l.name}`} size="xs" ff="monospace" style={{ overflowWrap: "anywhere" }}>
              {l.name} ({l.source}, {l.sizeBytes} B) sha256:{l.sha256}
            </Text>
          ))}
        </Section>
      )}
      {pkg.otherNotifications.length > 0 && (
        <Section title={t("notifications")}>
          {pkg.otherNotifications.map((n) => (
            <Plain key={`${n.to}-${n.at}`}>
              {n.to} — {formatDateTime(n.at)} {n.reference ?? ""}
            </Plain>
          ))}
        </Section>
      )}
      {pkg.sourceNotes.length > 0 && (
        <Section title={t("sources")}>
          {pkg.sourceNotes.map((s) => (
            <Text key={s.label} size="xs">
              {s.label}: {s.value}
            </Text>
          ))}
        </Section>
      )}
    </Stack>
  );
}

function PublicFormView({ form }: { form: Record<string, unknown> }) {
  const { t } = useTranslation("hubReport");
  const keys = ["kind", "prefectureCode", "name", "contact", "occurredAt", "title", "description"] as const;
  return (
    <Section title={t("publicForm")}>
      {keys.map((k) => (
        <Field
          key={k}
          label={t(`formFields.${k}`)}
          value={form[k] === undefined ? undefined : String(form[k])}
        />
      ))}
    </Section>
  );
}

/**
 * The received report laid out for an officer: organisation, what happened, affected terminals,
 * internet-facing devices with patch state and KEV matches, the demand, timeline. Everything is
 * reporter-supplied and shown as text; the raw JSON stays one click away.
 */
export function ReportPackageView({ payload }: { payload: unknown }) {
  const { t } = useTranslation("hubReport");
  const p = asPayload(payload);
  return (
    <Stack gap="md" data-testid="report-view">
      {p.package && <PackageView pkg={p.package} />}
      {p.form && <PublicFormView form={p.form} />}
      <details>
        <summary>
          <Text span size="sm">
            {t("raw")}
          </Text>
        </summary>
        <Group>
          <Code
            block
            style={{
              maxHeight: 320,
              overflow: "auto",
              whiteSpace: "pre-wrap",
              wordBreak: "break-word",
              width: "100%",
            }}
          >
            {JSON.stringify(payload, null, 2)}
          </Code>
        </Group>
      </details>
    </Stack>
  );
}
