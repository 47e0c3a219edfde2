import { Alert, Button, Card, FileInput, Progress, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/session";
import { FormError } from "../../components/form-error";
import { uploadBundle } from "./evidence-api";

/** Upload with a progress bar; a rejected bundle shows the server's reason (what failed). */
export function UploadCard({
  incidentId,
  onUploaded,
}: {
  incidentId: string;
  onUploaded: (sha256: string) => void;
}) {
  const { t } = useTranslation("evidence");
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || !session) return;
    setError(null);
    setDone(false);
    setProgress(0);
    try {
      const bundle = await uploadBundle(incidentId, file, session.csrfToken, setProgress);
      setDone(true);
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ["evidence", "overview"] });
      onUploaded(bundle.sha256);
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };
  const percent = progress === null ? 0 : Math.round(progress * 100);
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t("upload.title")}
        </Title>
        <FileInput
          label={t("upload.file")}
          placeholder={t("common.chooseFile", { ns: "translation" })}
          accept=".zip,application/zip"
          value={file}
          onChange={setFile}
          clearable
        />
        {progress !== null && (
          <Stack gap={2}>
            <Progress value={percent} aria-label={t("upload.progress", { percent })} />
            <Text size="xs" data-testid="upload-progress">
              {percent < 100 ? t("upload.progress", { percent }) : t("upload.verifying")}
            </Text>
          </Stack>
        )}
        {done && (
          <Alert color="green" role="status">
            {t("upload.done")}
          </Alert>
        )}
        {Boolean(error) && (
          <Text size="sm" fw={600} c="red">
            {t("upload.rejected")}
          </Text>
        )}
        <FormError error={error} />
        <Button type="submit" disabled={!file} loading={progress !== null}>
          {t("upload.submit")}
        </Button>
      </Stack>
    </Card>
  );
}
