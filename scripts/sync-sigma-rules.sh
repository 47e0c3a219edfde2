#!/usr/bin/env bash
# Re-copies the SigmaHQ Windows rules shipped in content/sigma/ from a SigmaHQ checkout (or a folder
# laid out like one), verbatim, keeping SigmaHQ's paths. Usage:
#   scripts/sync-sigma-rules.sh <sigma-checkout> [commit] [date]
# e.g. scripts/sync-sigma-rules.sh ~/src/sigma  (commit/date are read with git when it is a checkout)
# Afterwards update content/sigma/SOURCE.md and content/sigma/rule-set.json (commit, date, counts)
# from the figures printed here, and run `npx vitest run packages/triage`.
# Not copied on purpose: regression_data/ (licence unstated upstream), other logsources, deprecated.
set -euo pipefail

src="${1:?usage: scripts/sync-sigma-rules.sh <sigma-checkout> [commit] [date]}"
dest="$(cd "$(dirname "$0")/.." && pwd)/content/sigma"
paths=(rules/windows/builtin/security rules/windows/builtin/system rules/windows/process_creation)

commit="${2:-$(git -C "$src" rev-parse HEAD 2>/dev/null || echo unknown)}"
date="${3:-$(git -C "$src" log -1 --format=%cs 2>/dev/null || echo unknown)}"

for p in "${paths[@]}"; do
  [ -d "$src/$p" ] || { echo "missing $src/$p" >&2; exit 1; }
done
# The two licence files must come along: the DRL 1.1 requires its text (or a link) when sharing.
if [ -f "$src/LICENSE" ]; then licence="$src/LICENSE"; else licence="$src/LICENSE-DRL-1.1.md"; fi
[ -f "$licence" ] || { echo "no LICENSE in $src" >&2; exit 1; }

rm -rf "$dest/rules"
for p in "${paths[@]}"; do
  mkdir -p "$dest/$(dirname "$p")"
  cp -R "$src/$p" "$dest/$p"
done
# Only rule files ship (no stray README or test data inside the copied folders).
find "$dest/rules" -type f ! -name '*.yml' -delete
cp "$licence" "$dest/LICENSE-DRL-1.1.md"
if [ -f "$src/LICENSE-DRL-1.1-fulltext.md" ]; then
  cp "$src/LICENSE-DRL-1.1-fulltext.md" "$dest/LICENSE-DRL-1.1-fulltext.md"
fi

echo "copied from $src (commit $commit, $date):"
for p in "${paths[@]}"; do
  echo "  $p: $(find "$dest/$p" -name '*.yml' | wc -l) rules"
done
echo "  total: $(find "$dest/rules" -name '*.yml' | wc -l) rules"
