import { Badge, Group } from "@mantine/core";
import type { TCreateLogSourceRequest, TLogRegister, TLogSource } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { RegisterPage, type RegisterSpec } from "../register/register-page";
import { EMPTY_LOG_SOURCE, LogForm } from "./log-form";

function LogSourceSummary({ source }: { source: TLogSource }) {
  const { t } = useTranslation("readiness");
  return (
    <Group gap={6}>
      <Badge variant="light">{t(`logs.kinds.${source.kind}`)}</Badge>
      <Badge variant="light" color={source.storage === "forwarded" ? "green" : "orange"}>
        {t(`logs.storage.${source.storage}`)}
      </Badge>
      {source.retentionDays !== null && (
        <Badge variant="outline" color="gray">
          {t("logs.days", { count: source.retentionDays })}
        </Badge>
      )}
    </Group>
  );
}

const LOG_REGISTER: RegisterSpec<TLogSource, TCreateLogSourceRequest> = {
  keyPrefix: "logs",
  apiPath: "/api/readiness/logs",
  entriesOf: (register) => (register as TLogRegister).logSources,
  testIds: { findings: "log-findings", entry: "log-source", warnings: "log-warnings" },
  describe: (source) => <LogSourceSummary source={source} />,
  emptyInput: EMPTY_LOG_SOURCE,
  Form: LogForm,
};

/** readiness/logs: each log source with its warnings, register-wide checks, add/edit/delete, CSV export. */
export function LogsPage() {
  return <RegisterPage spec={LOG_REGISTER} />;
}
