import { formatDate } from "../../../i18n/format";

/** A small SVG trend line of recorded scores (0–100); nothing is drawn for fewer than two points. */
export function ScoreSparkline({
  points,
  width = 240,
  height = 48,
}: {
  points: readonly { at: string; score: number }[];
  width?: number;
  height?: number;
}) {
  if (points.length < 2) return null;
  const step = width / (points.length - 1);
  const path = points
    .map(
      (p, i) =>
        `${i === 0 ? "M" : "L"}${(i * step).toFixed(1)},${(height - (p.score / 100) * height).toFixed(1)}`,
    )
    .join(" ");
  const label = points.map((p) => `${formatDate(p.at)}: ${p.score}`).join(", ");
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="score-sparkline"
    >
      <path d={path} fill="none" stroke="#1c7ed6" strokeWidth={2} />
    </svg>
  );
}
