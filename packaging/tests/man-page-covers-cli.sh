#!/usr/bin/env bash
# Test: the manual page documents every subcommand and every option that the quarry binary itself reports in
# `quarry --help` and `quarry COMMAND --help`, so the page cannot fall behind the command line.
#   man-page-covers-cli.sh QUARRY_BINARY MAN_PAGE
set -euo pipefail
quarry=${1:?usage: man-page-covers-cli.sh QUARRY_BINARY MAN_PAGE}
man_page=${2:?usage: man-page-covers-cli.sh QUARRY_BINARY MAN_PAGE}

# The page's text without roff escapes: "\-\-read\-only" becomes "--read-only", "\fBinit\fR" becomes "init".
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$man_page")

options_of() { # the -x and --long spellings listed under "Options:" in a --help text
  sed -n '/^Options:/,/^$/p' | grep -oE '^  (-[A-Za-z0-9], )?--[a-z0-9-]+|^  -[A-Za-z0-9]' | grep -oE -- '--?[A-Za-z0-9-]+'
}
mentions() { grep -qE -- "(^|[^A-Za-z0-9-])$1([^A-Za-z0-9-]|$)" <<<"$text"; }

failures=0
main_help=$(QT_QPA_PLATFORM=offscreen "$quarry" --help)
mapfile -t commands < <(grep -oE '^  quarry [a-z]+ ' <<<"$main_help" | awk '{ print $2 }')
((${#commands[@]} > 0)) || { echo "FAIL: quarry --help lists no commands" >&2; exit 1; }

while read -r option; do
  mentions "$option" || { echo "FAIL: quarry $option is not in the manual page" >&2; failures=$((failures + 1)); }
done < <(options_of <<<"$main_help")

for command in "${commands[@]}"; do
  grep -q "^\.SS \"$command " <<<"$text" || grep -q "^\.SS $command\$" <<<"$text" ||
    { echo "FAIL: the manual page has no section for quarry $command" >&2; failures=$((failures + 1)); continue; }
  # The command's options must appear in its own section, not just anywhere in the page.
  section=$(awk -v name="$command" '/^\.SS /{ inside = ($2 == "\"" name || $2 == name) } inside' <<<"$text")
  while read -r option; do
    grep -qE -- "(^|[^A-Za-z0-9-])$option([^A-Za-z0-9-]|$)" <<<"$section" ||
      { echo "FAIL: quarry $command $option is not in the manual page's $command section" >&2; failures=$((failures + 1)); }
  done < <("$quarry" "$command" --help | options_of | grep -vx -- '-h\|--help')
done

((failures == 0)) || exit 1
echo "ok: the manual page covers ${#commands[@]} commands (${commands[*]}) and all their options"
