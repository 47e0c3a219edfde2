import { Text } from "@mantine/core";
import { defang } from "./phishing-api";

/** An attacker URL as inert, defanged monospace text: never an <a>, never clickable. */
export function InertUrl(props: { url: string; lineClamp?: number }) {
  return (
    <Text
      component="span"
      ff="monospace"
      fz="sm"
      style={{ wordBreak: "break-all" }}
      lineClamp={props.lineClamp}
      data-testid="inert-url"
    >
      {defang(props.url)}
    </Text>
  );
}
