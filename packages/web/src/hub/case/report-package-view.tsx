import { Badge, Code, Group, List, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { PREFECTURES } from "@sonae/core";
import type { TReportPackageModel } from "@sonae/documents";
import { labelValue, REPORT_LABELS, type TReportLabels } from "@sonae/documents/report-labels";
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
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith("en");
  // The same labels as the PDF the organisation exported: one wording for one report.
  const L: TReportLabels = REPORT_LABELS[en ? "en" : "ja"];
  const v = (value: Parameters<typeof labelValue>[1]) => labelValue(L, value);
  const o = pkg.organisation;
  const c = pkg.contactPerson;
  const i = pkg.incident;
  const r = pkg.ransom;
  return (
    <Stack gap="md">
      <Section title={L.s.organisation}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Field label={L.f.orgName} value={o.name} />
          <Field label={L.f.prefecture} value={prefectureName(o.prefecture, en)} />
          <Field label={L.f.industry} value={o.industry} />
          <Field label={L.f.sme} value={o.isSme === undefined ? undefined : v(o.isSme)} />
          <Field label={L.f.contact} value={[c.name, c.title].filter(Boolean).join(" / ")} />
          <Field label={L.f.phone} value={c.phone} />
          <Field label={L.f.email} value={c.email} />
          <Field label={L.f.reachable24h} value={v(c.reachable24h)} />
        </SimpleGrid>
      </Section>
      <Section title={L.s.incident}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Field label={L.f.discoveredAt} value={formatDateTime(i.discoveredAt)} />
          <Field label={L.f.firstAnomalyAt} value={i.firstAnomalyAt && formatDateTime(i.firstAnomalyAt)} />
          <Field label={L.f.request} value={v(i.request)} />
          <Field label={L.f.personalData} value={v(i.personalDataInvolved)} />
          <Field label={L.f.family} value={i.familyName} />
          <Field label={L.f.intrusion} value={v(pkg.intrusion.method)} />
        </SimpleGrid>
        <Field label={L.f.discoveredHow} value={i.discoveredHow} />
        <Field label={L.f.summary} value={i.summary} />
        <Field label={L.f.businessImpact} value={i.businessImpact} />
        <Field label={L.f.intrusion} value={pkg.intrusion.detail} />
      </Section>
      {pkg.affectedTerminals.length > 0 && (
        <Section title={`${L.s.terminals} (${pkg.affectedTerminals.length})`}>
          <ScrollArea type="auto">
            <Table striped withTableBorder miw={720} data-testid="report-terminals">
              <Table.Thead>
                <Table.Tr>
                  {(["name", "role", "os", "encrypted", "symptoms", "isolated", "poweredOff"] as const).map(
                    (k) => (
                      <Table.Th key={k}>{L.f[k]}</Table.Th>
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
                      <Badge color={a.encrypted === "yes" ? "red" : "gray"}>{v(a.encrypted)}</Badge>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{a.symptoms}</Table.Td>
                    <Table.Td>{v(a.isolated)}</Table.Td>
                    <Table.Td>{v(a.poweredOff)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Section>
      )}
      {pkg.internetFacingDevices.length > 0 && (
        <Section title={`${L.s.devices} (${pkg.internetFacingDevices.length})`}>
          <ScrollArea type="auto">
            <Table striped withTableBorder miw={720} data-testid="report-devices">
              <Table.Thead>
                <Table.Tr>
                  {(["device", "product", "usage", "patch", "kev"] as const).map((k) => (
                    <Table.Th key={k}>{L.f[k]}</Table.Th>
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
                        {v(d.patchState)}
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
      <Section title={L.s.network}>
        <Plain>{pkg.networkDiagram.description}</Plain>
        {pkg.networkDiagram.attachments.map((a) => (
          <Text key={a.sha256} size="xs" ff="monospace" style={{ overflowWrap: "anywhere" }}>
            {a.fileName} sha256:{a.sha256}
          </Text>
        ))}
      </Section>
      <Section title={L.s.ransom}>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Field label={L.f.encrypted} value={v(r.encrypted)} />
          <Field label={L.f.leak} value={v(r.leakThreatened)} />
          <Field label={L.f.demanded} value={v(r.demanded)} />
          <Field label={L.f.paid} value={v(r.paid)} />
          <Field label={L.f.amount} value={r.amount} />
          <Field label={L.f.deadline} value={r.deadline} />
          <Field label={L.f.extension} value={r.encryptedExtension} />
          <Field label={L.f.noteFile} value={r.noteFileName} />
        </SimpleGrid>
        {r.noteText && (
          <>
            <Text size="xs" c="dimmed">
              {L.f.note} — {L.v.inert}
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
        <Section title={L.s.timeline}>
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
        <Section title={L.s.actions}>
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
        <Section title={`${L.s.logs} (${pkg.preservedLogs.items.length})`}>
          {pkg.preservedLogs.items.slice(0, 50).map((l) => (
            <Text key={`${l.sha256}-${l.name}`} size="xs" ff="monospace" style={{ overflowWrap: "anywhere" }}>
              {l.name} ({l.source}, {l.sizeBytes} B) sha256:{l.sha256}
            </Text>
          ))}
        </Section>
      )}
      {pkg.otherNotifications.length > 0 && (
        <Section title={L.s.notifications}>
          {pkg.otherNotifications.map((n) => (
            <Plain key={`${n.to}-${n.at}`}>
              {n.to} — {formatDateTime(n.at)} {n.reference ?? ""}
            </Plain>
          ))}
        </Section>
      )}
      {pkg.sourceNotes.length > 0 && (
        <Section title={L.s.sourceNotes}>
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
