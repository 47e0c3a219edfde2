import { Badge } from "@mantine/core";
import type { TContact } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../i18n/format";

const COLOR = { current: "green", stale: "red", unverified: "orange" } as const;

/** The "last verified" state of a contact: stale (12+ months) and never-verified entries stand out. */
export function VerificationBadge({ contact }: { contact: TContact }) {
  const { t } = useTranslation("readiness");
  return (
    <Badge color={COLOR[contact.verification]} variant="light" data-testid="verification">
      {t(`contacts.verification.${contact.verification}`)}
      {contact.verifiedAt ? ` · ${formatDate(contact.verifiedAt)}` : ""}
    </Badge>
  );
}
