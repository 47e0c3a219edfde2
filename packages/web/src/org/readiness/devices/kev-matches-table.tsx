import { Badge, Table, Text } from "@mantine/core";
import type { TKevMatch } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../i18n/format";

const VERDICT_COLOR = {
  affected: "red",
  "not-affected-by-version": "gray",
  "version-unknown": "orange",
} as const;

/** KEV entries of one device: CVE, name, KEV due date, ransomware use, and the version verdict with its reason. */
export function KevMatchesTable({ matches }: { matches: TKevMatch[] }) {
  const { t, i18n } = useTranslation("readiness");
  const lang = i18n.language === "en" ? "en" : "ja";
  if (matches.length === 0) return <Text size="sm">{t("devices.kevNoMatch")}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table data-testid="kev-matches" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("devices.kev.cve")}</Table.Th>
            <Table.Th>{t("devices.kev.name")}</Table.Th>
            <Table.Th>{t("devices.kev.dueDate")}</Table.Th>
            <Table.Th>{t("devices.kev.ransomware")}</Table.Th>
            <Table.Th>{t("devices.kev.verdict")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matches.map((m) => (
            <Table.Tr key={m.cveID}>
              <Table.Td>
                <Text ff="monospace" size="sm" style={{ whiteSpace: "nowrap" }}>
                  {m.cveID}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.vulnerabilityName}</Text>
                <Text size="xs" c="dimmed">
                  {m.vendorProject} {m.product}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(m.dueDate)}</Table.Td>
              <Table.Td>
                {m.knownRansomwareCampaignUse === "Known" ? (
                  <Text c="red" fw={700} size="sm" style={{ whiteSpace: "nowrap" }}>
                    {t("devices.kev.known")}
                  </Text>
                ) : (
                  <Text size="sm">{t("devices.kev.unknown")}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={VERDICT_COLOR[m.versionVerdict]} variant="light">
                  {t(`devices.verdicts.${m.versionVerdict}`)}
                </Badge>
                <Text size="xs">{m.reason[lang]}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
