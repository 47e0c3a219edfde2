import { NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { deriveSmeStatus, INDUSTRIES, PREFECTURES, type TOrganisationProfile } from "@sonae/core";
import { useTranslation } from "react-i18next";

export const EMPTY_PROFILE: TOrganisationProfile = {
  name: "",
  prefectureCode: "13",
  industryCode: "E",
  smeSubSector: null,
  capitalYen: null,
  employees: null,
};

/** The organisation profile fields, with the SME status derived live as the person types. */
export function OrganisationFields({
  value,
  onChange,
  disabled,
}: {
  value: TOrganisationProfile;
  onChange(next: TOrganisationProfile): void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const set = <K extends keyof TOrganisationProfile>(key: K, v: TOrganisationProfile[K]) =>
    onChange({ ...value, [key]: v });
  const sme = deriveSmeStatus({
    industry: value.industryCode,
    subSector: value.smeSubSector,
    capitalYen: value.capitalYen,
    employees: value.employees,
  });
  const needsSubSector = value.industryCode === "I" || value.industryCode === "M";
  const subSectors =
    value.industryCode === "I" ? (["wholesale", "retail"] as const) : (["service", "retail"] as const);

  return (
    <Stack gap="sm">
      <TextInput
        label={t("org.name")}
        required
        value={value.name}
        disabled={disabled}
        onChange={(e) => set("name", e.currentTarget.value)}
      />
      <Select
        label={t("org.prefecture")}
        required
        searchable
        disabled={disabled}
        data={PREFECTURES.map((p) => ({ value: p.code, label: `${p.code} ${en ? p.nameEn : p.nameJa}` }))}
        value={value.prefectureCode}
        onChange={(v) => v && set("prefectureCode", v as TOrganisationProfile["prefectureCode"])}
        allowDeselect={false}
      />
      <Select
        label={t("org.industry")}
        required
        disabled={disabled}
        data={INDUSTRIES.map((i) => ({ value: i.code, label: `${i.code} ${en ? i.nameEn : i.nameJa}` }))}
        value={value.industryCode}
        onChange={(v) =>
          v &&
          onChange({ ...value, industryCode: v as TOrganisationProfile["industryCode"], smeSubSector: null })
        }
        allowDeselect={false}
      />
      {needsSubSector && (
        <Select
          label={t("org.subSector")}
          description={t("org.subSectorHint")}
          disabled={disabled}
          data={subSectors.map((s) => ({ value: s, label: t(`org.sector.${s}`) }))}
          value={value.smeSubSector}
          onChange={(v) => set("smeSubSector", (v as TOrganisationProfile["smeSubSector"]) ?? null)}
        />
      )}
      <NumberInput
        label={t("org.capital")}
        min={0}
        thousandSeparator=","
        disabled={disabled}
        value={value.capitalYen ?? ""}
        onChange={(v) => set("capitalYen", typeof v === "number" ? v : null)}
      />
      <NumberInput
        label={t("org.employees")}
        min={0}
        thousandSeparator=","
        disabled={disabled}
        value={value.employees ?? ""}
        onChange={(v) => set("employees", typeof v === "number" ? v : null)}
      />
      <Text size="sm" data-testid="sme-status" aria-live="polite">
        {t("org.sme")}:{" "}
        {value.capitalYen == null && value.employees == null
          ? t("org.smeUnknown")
          : sme.isSme
            ? t("org.smeYes")
            : t("org.smeNo")}
        {sme.isSme && ` (${t(`org.sector.${sme.sector}`)}, ${t(`org.basis.${sme.basis}`)})`}
        {sme.isSmallEnterprise && ` — ${t("org.small")}`}
      </Text>
    </Stack>
  );
}
