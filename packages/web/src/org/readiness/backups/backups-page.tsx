import { Badge, Group, Text } from "@mantine/core";
import type { TBackupRegister, TBackupSet, TCreateBackupSetRequest } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { RegisterPage, type RegisterSpec } from "../register/register-page";
import { BackupForm, EMPTY_BACKUP } from "./backup-form";

function BackupSummary({ set }: { set: TBackupSet }) {
  const { t } = useTranslation("readiness");
  return (
    <>
      <Text size="sm">{set.protects}</Text>
      <Group gap={6}>
        <Badge variant="light">{t(`backups.media.${set.media}`)}</Badge>
        <Badge variant="light" color={set.connectivity === "online" ? "orange" : "green"}>
          {t(`backups.connectivity.${set.connectivity}`)}
        </Badge>
        <Badge variant="outline" color="gray">
          {t("backups.fields.lastRestoreTestAt")}: {set.lastRestoreTestAt ?? t("backups.notTested")}
          {set.lastRestoreTestResult ? ` (${t(`backups.results.${set.lastRestoreTestResult}`)})` : ""}
        </Badge>
      </Group>
    </>
  );
}

const BACKUP_REGISTER: RegisterSpec<TBackupSet, TCreateBackupSetRequest> = {
  keyPrefix: "backups",
  apiPath: "/api/readiness/backups",
  entriesOf: (register) => (register as TBackupRegister).backupSets,
  testIds: { findings: "backup-findings", entry: "backup-set", warnings: "backup-warnings" },
  describe: (set) => <BackupSummary set={set} />,
  emptyInput: EMPTY_BACKUP,
  Form: BackupForm,
};

/** readiness/backups: each backup set with its warnings, the register-wide checks, add/edit/delete, CSV export. */
export function BackupsPage() {
  return <RegisterPage spec={BACKUP_REGISTER} />;
}
