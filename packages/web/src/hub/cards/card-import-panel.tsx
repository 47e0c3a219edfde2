import {
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { THubCardImportResult } from "@sonae/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

const today = () => new Date().toISOString().slice(0, 10);
const formatOf = (name: string) => (/\.xlsx$/i.test(name) ? "xlsx" : /\.csv$/i.test(name) ? "csv" : "text");

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Single entry and bulk files; every line's result is shown (accepted / duplicate / refused and why). */
export function CardImportPanel() {
  const { t } = useTranslation("hubCards");
  const qc = useQueryClient();
  const [number, setNumber] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [exposure, setExposure] = useState({ expiry: false, cvc: false, holder: false, threeDs: false });
  const [sourceKind, setSourceKind] = useState<string>("case");
  const [sourceRef, setSourceRef] = useState("");
  const [learnedOn, setLearnedOn] = useState(today());
  const common = () => ({ exposure, source: { kind: sourceKind, ref: sourceRef }, learnedOn });
  const submit = useMutation({
    mutationFn: async (kind: "single" | "file") =>
      kind === "single"
        ? api<THubCardImportResult>("POST", "/api/hub/cards/entries", { number, ...common() })
        : api<THubCardImportResult>("POST", "/api/hub/cards/imports", {
            format: formatOf(file!.name),
            fileName: file!.name,
            contentBase64: await base64Of(file!),
            ...common(),
          }),
    onSuccess: (_result, kind) => {
      // Clear what was just entered, so a second click cannot send the same file again as duplicates.
      if (kind === "single") setNumber("");
      else setFile(null);
      void qc.invalidateQueries({ queryKey: ["hub", "cards"] });
    },
  });
  const result = submit.data;
  return (
    <Stack gap="sm">
      <Group grow align="flex-end">
        <Select
          label={t("import.sourceKind")}
          data={(["case", "phishing_url", "seized_dataset"] as const).map((k) => ({
            value: k,
            label: t(`sourceKind.${k}`),
          }))}
          value={sourceKind}
          onChange={(v) => setSourceKind(v ?? "case")}
        />
        <TextInput
          label={t("import.sourceRef")}
          value={sourceRef}
          onChange={(e) => setSourceRef(e.currentTarget.value)}
          required
        />
        <TextInput
          type="date"
          label={t("import.learnedOn")}
          value={learnedOn}
          onChange={(e) => setLearnedOn(e.currentTarget.value)}
        />
      </Group>
      <Text size="sm" fw={500}>
        {t("import.exposure")}
      </Text>
      <Group>
        {(["expiry", "cvc", "holder", "threeDs"] as const).map((k) => (
          <Checkbox
            key={k}
            label={t(`import.${k}`)}
            checked={exposure[k]}
            onChange={(e) => setExposure({ ...exposure, [k]: e.currentTarget.checked })}
          />
        ))}
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t("import.number")}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          autoComplete="off"
          maw={320}
        />
        <Button
          onClick={() => submit.mutate("single")}
          disabled={!number || !sourceRef}
          loading={submit.isPending}
        >
          {t("import.single")}
        </Button>
      </Group>
      <Group align="flex-end">
        <FileInput
          label={t("import.file")}
          description={t("import.fileHint")}
          value={file}
          onChange={setFile}
          accept=".csv,.xlsx,.txt"
          maw={480}
        />
        <Button
          onClick={() => submit.mutate("file")}
          disabled={!file || !sourceRef}
          loading={submit.isPending}
        >
          {t("import.submit")}
        </Button>
      </Group>
      <FormError error={submit.error} />
      {result && <ImportResult result={result} />}
    </Stack>
  );
}

function ImportResult({ result }: { result: THubCardImportResult }) {
  const { t } = useTranslation("hubCards");
  const color = { accepted: "green", duplicate: "yellow", refused: "red" } as const;
  return (
    <Stack gap="xs">
      <Title order={4}>{t("import.result", result)}</Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="card-import-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("cols.line")}</Table.Th>
              <Table.Th>{t("cols.masked")}</Table.Th>
              <Table.Th>{t("cols.brand")}</Table.Th>
              <Table.Th>{t("cols.status")}</Table.Th>
              <Table.Th>{t("cols.reason")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.lines.map((l) => (
              <Table.Tr key={l.line}>
                <Table.Td>{l.line}</Table.Td>
                <Table.Td ff="monospace">{l.masked ?? "—"}</Table.Td>
                <Table.Td>{l.brand ? t(`brand.${l.brand}`) : "—"}</Table.Td>
                <Table.Td>
                  {/* The label may not shrink: the table's auto layout otherwise squeezed it to "受..". */}
                  <Badge color={color[l.status]} styles={{ label: { overflow: "visible" } }}>
                    {t(`status.${l.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {l.message ?? (l.status === "duplicate" && l.reason ? t(`duplicate.${l.reason}`) : "")}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
