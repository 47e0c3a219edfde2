import { Button, FileInput, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import type { TIdentifyResult } from "@sonae/ransomware";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { IdentifyResult } from "./identify-result";

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Reads a dropped note as bytes (any encoding: the server decodes UTF-16, HTML and the rest) in base64. */
async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function IdentifyPage() {
  const { t } = useTranslation("ransomware");
  const [note, setNote] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [noteFileName, setNoteFileName] = useState("");
  const [fileNames, setFileNames] = useState("");
  const [extension, setExtension] = useState("");
  const [artefacts, setArtefacts] = useState("");
  const mutation = useMutation({
    mutationFn: async () => {
      const body: Record<string, unknown> = {};
      if (file) {
        body.noteBase64 = await fileToBase64(file);
        body.noteFileName = noteFileName || file.name;
      } else if (note.trim()) {
        body.noteText = note;
        if (noteFileName) body.noteFileName = noteFileName;
      } else if (noteFileName) body.noteFileName = noteFileName;
      if (lines(fileNames).length) body.fileNames = lines(fileNames);
      if (extension.trim()) body.extension = extension.trim();
      if (lines(artefacts).length) body.artefacts = lines(artefacts);
      return api<TIdentifyResult>("POST", "/api/ransomware/identify", body);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <Stack gap="lg" maw={860}>
      <Title order={2}>{t("title")}</Title>
      <Text size="sm">{t("intro")}</Text>
      <Stack component="form" onSubmit={submit} gap="sm">
        <Textarea
          label={t("note")}
          autosize
          minRows={6}
          maxRows={16}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <FileInput
          label={t("noteFile")}
          placeholder={t("common.chooseFile", { ns: "translation" })}
          value={file}
          onChange={setFile}
          clearable
        />
        <TextInput
          label={t("noteFileName")}
          value={noteFileName}
          onChange={(e) => setNoteFileName(e.currentTarget.value)}
        />
        <Textarea
          label={t("fileNames")}
          autosize
          minRows={2}
          value={fileNames}
          onChange={(e) => setFileNames(e.currentTarget.value)}
        />
        <TextInput
          label={t("extension")}
          value={extension}
          onChange={(e) => setExtension(e.currentTarget.value)}
        />
        <Textarea
          label={t("artefacts")}
          autosize
          minRows={2}
          value={artefacts}
          onChange={(e) => setArtefacts(e.currentTarget.value)}
        />
        <FormError error={mutation.error} />
        <Button type="submit" loading={mutation.isPending}>
          {t("submit")}
        </Button>
      </Stack>
      {mutation.data && <IdentifyResult result={mutation.data} />}
    </Stack>
  );
}
