import { Badge, Card, Code, Group, Stack, Table, Text, Title } from "@mantine/core";
import { HUB_UNITS, type TPhishUrl } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { FormError } from "../../components/form-error";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";
import { useHubMe } from "../hub-api";
import { InertUrl } from "./inert-url";
import { JudgeForm } from "./judge-form";
import { usePhishUrl } from "./phishing-api";
import { STATE_COLOR, UrlsTable } from "./urls-table";

const unitName = (id: number, en: boolean) => {
  const u = HUB_UNITS.find((x) => x.id === id);
  return u ? (en ? u.nameEn : u.nameJa) : String(id);
};

function Cluster(props: { title: string; rows: TPhishUrl[] }) {
  if (props.rows.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={5}>
        {props.title} ({props.rows.length})
      </Title>
      <UrlsTable rows={props.rows} />
    </Stack>
  );
}

/** One URL: facts, assistant proposal with reasons, judgement, sightings and clusters. */
export function UrlDetailPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation("hubPhishing");
  const en = i18n.language.startsWith("en");
  const lang = en ? "en" : "ja";
  const detail = usePhishUrl(id);
  const rights: string[] = useHubMe().data?.rights ?? [];
  if (detail.error) return <FormError error={detail.error} />;
  const d = detail.data;
  if (!d) return null;
  const u = d.url;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge color={STATE_COLOR[u.state]} size="lg" data-testid="url-state">
          {t(`state.${u.state}`)}
        </Badge>
        {u.category && <Badge variant="outline">{t(`category.${u.category}`)}</Badge>}
      </Group>
      <Card withBorder>
        <Stack gap={6}>
          <Text fw={600}>{t("detail.canonical")}</Text>
          <InertUrl url={u.canonical} />
          <Text fw={600}>{t("detail.exact")}</Text>
          <Code block>{u.canonical}</Code>
          <Table fz="sm" verticalSpacing={2} withRowBorders={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={220}>{t("detail.hostUnicode")}</Table.Th>
                <Table.Td ff="monospace">{u.hostUnicode}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("detail.host")}</Table.Th>
                <Table.Td ff="monospace">{u.host}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("detail.domain")}</Table.Th>
                <Table.Td ff="monospace">{u.registrableDomain ?? "—"}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("list.ip")}</Table.Th>
                <Table.Td ff="monospace">{u.ip ?? "—"}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("detail.flags")}</Table.Th>
                <Table.Td>{u.flags.join(", ") || "—"}</Table.Td>
              </Table.Tr>
              {d.context.length > 0 && (
                <Table.Tr>
                  <Table.Th>{t("detail.context")}</Table.Th>
                  <Table.Td>{d.context.map((c) => c.listName).join(", ")}</Table.Td>
                </Table.Tr>
              )}
              {u.discoveredVia && (
                <Table.Tr>
                  <Table.Th>{t("detail.discoveredVia")}</Table.Th>
                  <Table.Td ff="monospace">{u.discoveredVia}</Table.Td>
                </Table.Tr>
              )}
              {u.verdict && (
                <Table.Tr>
                  <Table.Th>{t("detail.verdict")}</Table.Th>
                  <Table.Td>
                    {formatWhen(u.verdict.at)} — {u.verdict.reason}
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Stack>
      </Card>
      <Card withBorder data-testid="url-proposal">
        <Stack gap={4}>
          <Title order={4}>{t("detail.proposalTitle")}</Title>
          <Text>
            {t(`verdict.${d.proposal.verdict}`)}
            {d.proposal.brand &&
              ` — ${t("detail.brand")}: ${d.proposal.brand.name[lang]} (${t("detail.confidence")} ${Math.round(d.proposal.brand.confidence * 100)}%)`}
          </Text>
          {d.proposal.reasons.map((r) => (
            <Text key={r.en} fz="sm">
              ・{r[lang]}
            </Text>
          ))}
        </Stack>
      </Card>
      {rights.includes("urls.judge") && (
        <JudgeForm key={`${u.id}-${u.state}`} urlId={u.id} proposal={d.proposal} />
      )}
      <Stack gap={4}>
        <Title order={4}>{t("detail.sightings")}</Title>
        <Table fz="sm" striped data-testid="url-sightings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("detail.when")}</Table.Th>
              <Table.Th>{t("list.state")}</Table.Th>
              <Table.Th>{t("detail.unit")}</Table.Th>
              <Table.Th>{t("detail.partner")}</Table.Th>
              <Table.Th>{t("detail.raw")}</Table.Th>
              <Table.Th>{t("detail.brand")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.sightings.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{formatWhen(s.seenAt)}</Table.Td>
                <Table.Td>{t(`source.${s.source}`)}</Table.Td>
                <Table.Td>{unitName(s.unitId, en)}</Table.Td>
                <Table.Td>{s.partnerName ?? "—"}</Table.Td>
                <Table.Td>{s.rawInput ? <InertUrl url={s.rawInput} lineClamp={1} /> : "—"}</Table.Td>
                <Table.Td>{s.brandHint ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {d.otherSightings > 0 && (
          <Text fz="sm" c="dimmed">
            {t("detail.otherSightings", { n: d.otherSightings })}
          </Text>
        )}
      </Stack>
      <Card withBorder>
        <Text fz="sm">
          {t("detail.ipListing")}: {d.cluster.ipListing.allowed ? t("detail.allowed") : t("detail.refused")} —{" "}
          {d.cluster.ipListing.reason[lang]}
        </Text>
      </Card>
      <Cluster title={t("detail.sameHost")} rows={d.cluster.sameHost} />
      <Cluster title={t("detail.sameDomain")} rows={d.cluster.sameDomain} />
      <Cluster title={t("detail.sameIp")} rows={d.cluster.sameIp} />
      {d.cluster.ipNeighbours.length > 0 && (
        <Stack gap={4}>
          <Title order={5}>{t("detail.neighbours")}</Title>
          {d.cluster.ipNeighbours.map((n) => (
            <Text key={n.rrname} fz="sm" ff="monospace">
              {n.rrname.replace(/\./g, "[.]")} — {n.source}, {formatWhen(n.timeLast)}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
