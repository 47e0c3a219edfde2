import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { TEvidenceBundleDetail } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { evidencePath, formatBytes, formatJst } from "./evidence-api";

type Props = {
  incidentId: string;
  sha256: string;
  canWrite: boolean;
  onTriage: () => void;
  onClose: () => void;
};

/** One bundle: verification (and what failed), collector, files, read errors, custody chain, downloads. */
export function BundleDetail({ incidentId, sha256, canWrite, onTriage, onClose }: Props) {
  const { t, i18n } = useTranslation("evidence");
  const lang = i18n.language === "en" ? "en" : "ja";
  // Every fetch is a recorded view (custody + audit): no refetch on focus.
  const query = useQuery({
    queryKey: ["evidence", "detail", incidentId, sha256],
    queryFn: () => api<TEvidenceBundleDetail>("GET", `${evidencePath(incidentId)}/${sha256}`),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const d = query.data;
  const collector = (d?.collector ?? {}) as {
    hostname?: string;
    timeZone?: string;
    os?: Record<string, string>;
  };
  return (
    <Card withBorder data-testid="bundle-detail">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" style={{ wordBreak: "break-all" }}>
            {d?.fileName ?? sha256.slice(0, 16)}
          </Title>
          <Button variant="subtle" size="xs" onClick={onClose}>
            {t("detail.close")}
          </Button>
        </Group>
        <FormError error={query.error} />
        {d && (
          <>
            <Text size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
              SHA-256: {d.sha256}
            </Text>
            <Title order={4} size="h5">
              {t("detail.verification")}
            </Title>
            {d.verification.ok ? (
              <Alert color="green" data-testid="verification-ok">
                {t("detail.verificationOk", { files: d.verification.filesChecked })}
              </Alert>
            ) : (
              <Alert color="red" title={t("detail.failures")}>
                {d.verification.failures.map((f) => (
                  <Text key={`${f.code}-${f.subject}`} size="sm">
                    {f.code}: {f.subject} — {f.message[lang]}
                  </Text>
                ))}
              </Alert>
            )}
            <Group gap="md" wrap="wrap">
              <Anchor href={`${evidencePath(incidentId)}/${sha256}/download`} download>
                {t("detail.download")}
              </Anchor>
              <Anchor href={`${evidencePath(incidentId)}/${sha256}/manifest.csv`} download>
                {t("detail.manifestCsv")}
              </Anchor>
              {canWrite && (
                <Button size="xs" onClick={onTriage}>
                  {t("triage.start")}
                </Button>
              )}
            </Group>
            <Table variant="vertical" withTableBorder>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>{t("col.caseId")}</Table.Th>
                  <Table.Td>{d.caseId}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t("col.examiner")}</Table.Th>
                  <Table.Td>{d.examiner}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t("detail.host")}</Table.Th>
                  <Table.Td>{collector.hostname ?? ""}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t("detail.os")}</Table.Th>
                  <Table.Td>{`${collector.os?.platform ?? ""} ${collector.os?.version ?? ""} ${collector.os?.release ?? ""}`}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t("detail.timeZone")}</Table.Th>
                  <Table.Td>{collector.timeZone ?? ""}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t("detail.period")}</Table.Th>
                  <Table.Td>
                    {formatJst(d.startedAt)} – {formatJst(d.endedAt)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t("detail.signer")}</Table.Th>
                  <Table.Td style={{ wordBreak: "break-all" }}>{d.signerFingerprint}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Title order={4} size="h5">
              {t("detail.files")}
            </Title>
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("col.file")}</Table.Th>
                    <Table.Th>{t("col.size")}</Table.Th>
                    <Table.Th>{t("col.sha256")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.files.map((f) => (
                    <Table.Tr key={f.entryName}>
                      <Table.Td style={{ wordBreak: "break-all" }}>
                        {f.sourcePath}
                        {f.changedWhileReading && (
                          <Badge ml="xs" color="orange" size="xs">
                            {t("detail.changed")}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{formatBytes(f.size)}</Table.Td>
                      <Table.Td ff="monospace" fz="xs" style={{ wordBreak: "break-all" }}>
                        {f.sha256}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Title order={4} size="h5">
              {t("detail.problems")}
            </Title>
            {d.problems.length === 0 ? (
              <Text size="sm">{t("detail.noProblems")}</Text>
            ) : (
              d.problems.map((p) => (
                <Text key={p.sourcePath} size="sm">
                  {p.sourcePath}: {p.reason[lang]}
                </Text>
              ))
            )}
            <CustodyTable detail={d} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function CustodyTable({ detail }: { detail: TEvidenceBundleDetail }) {
  const { t, i18n } = useTranslation("evidence");
  const lang = i18n.language === "en" ? "en" : "ja";
  return (
    <Stack gap="xs" data-testid="custody-chain">
      <Title order={4} size="h5">
        {t("detail.custody")}
      </Title>
      {detail.custodyValid ? (
        <Alert color="green">{t("detail.custodyOk")}</Alert>
      ) : (
        <Alert color="red" title={t("detail.custodyBroken")}>
          {detail.custodyFailures.map((f) => (
            <Text key={`${f.index}-${f.code}`} size="sm">
              {f.message[lang]}
            </Text>
          ))}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t("detail.at")}</Table.Th>
              <Table.Th>{t("detail.actor")}</Table.Th>
              <Table.Th>{t("detail.action")}</Table.Th>
              <Table.Th>SHA-256</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.custody.map((c) => (
              <Table.Tr key={c.hash}>
                <Table.Td>
                  {c.seq}{" "}
                  <Badge size="xs" variant="light">
                    {t(`detail.origin.${c.origin}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatJst(c.at)}</Table.Td>
                <Table.Td style={{ wordBreak: "break-all" }}>{c.actor}</Table.Td>
                <Table.Td>{c.action}</Table.Td>
                <Table.Td ff="monospace" fz="xs">
                  {c.hash.slice(0, 16)}…
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
