#!/usr/bin/env bash
# scripts/lint-architecture.sh — keeps ARCHITECTURE.md true to the tree (run by `make lint`).
#
#   scripts/lint-architecture.sh               check ARCHITECTURE.md at the repository root
#   scripts/lint-architecture.sh FILE          check FILE instead (paths still resolve from the root)
#   scripts/lint-architecture.sh --self-test   prove the check fails on made-up names and passes on the file
#
# 1. Paths. Every path-like token the document names must exist. Tokens are the words of `inline code`
#    and of fenced code blocks, except ```swift blocks (code, not paths) and, inside a block, text after
#    " #" (a comment). Surrounding ( ) [ ] , ; : quotes and a final period are trimmed. A token is
#    path-like when it contains "/" or ends in one of EXTENSIONS below; then:
#    - a token with "/" is a path from the repository root (a file or a directory), except in a tree
#      listing: in a fenced block, when a line's first word is a directory ending in "/", the other
#      path-like words of that line are relative to it;
#    - a bare file name (no "/") must be the name of some file in the repository (git ls-files);
#    - "*", "…" and <placeholder> are wildcards: at least one path must match;
#    - shared/… and ../shared/… are outside the repository: they are checked in $TLSPRINT_SHARED
#      (default ../shared beside the repository) when that directory exists, else skipped with a note;
#    - tokens containing ":" (URLs, destinations such as file:PATH) or starting with "/" or "~"
#      (absolute paths) are not repository paths and are not checked.
# 2. Targets, from `swift package dump-package` (the manifest as SwiftPM reads it):
#    - every row of a table whose header starts "| Level | Target | Depends on |" names one target in
#      bold; that target must exist in Package.swift; its "Depends on" cell (comma-separated, "—" for
#      none) must list exactly its Package.swift dependencies (target names and product names), and its
#      level must be "test" for a test target, else its level: 0 with no dependency on another target of
#      the package, otherwise one more than the highest level among those it depends on;
#    - every target of Package.swift must have such a row;
#    - the fenced block after the line "<!-- lint-architecture: levels -->" is the module diagram: each
#      line starting with a number N lists (among other words) exactly the non-test targets of level N,
#      and every non-test target appears on one of those lines.
# Exit status: 0 when everything holds, 1 otherwise (each problem is listed on stderr), 2 on usage errors.
set -euo pipefail

EXTENSIONS='swift|sh|md|py|c|h|json|jsonl|tsv|txt|yml|yaml|service|env|modulemap|in|java|pcap|pcapng|cap|hex|der|bin|conf|fragment'
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
swift="${SWIFT:-swift}"

# ---- self-test -------------------------------------------------------------------------------------------
if [ "${1:-}" = "--self-test" ]; then
    self="$root/scripts/lint-architecture.sh"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    failures=0
    # expect_failure NAME FILE NEEDLE: the check must fail on FILE and name NEEDLE.
    expect_failure() {
        local name="$1" file="$2" needle="$3" status=0
        "$self" "$file" >"$work/out" 2>&1 || status=$?
        if [ "$status" -ne 0 ] && grep -qF -- "$needle" "$work/out"; then
            echo "self-test: $name: fails as it must (exit $status): $(grep -F -- "$needle" "$work/out" | head -1)"
        else
            echo "self-test: $name: expected a failure naming '$needle', got exit $status:" >&2
            sed 's/^/    /' "$work/out" >&2
            failures=$((failures + 1))
        fi
    }
    cp "$root/ARCHITECTURE.md" "$work/path.md"
    # shellcheck disable=SC2016  # the backticks are Markdown
    printf '\nSee `Sources/TLSPrintSensor/Sensor+Imaginary.swift`.\n' >>"$work/path.md"
    expect_failure "made-up path" "$work/path.md" "Sources/TLSPrintSensor/Sensor+Imaginary.swift"
    # A row for a target Package.swift does not have, inserted below the first target table's header.
    awk 'done != 1 && /^\| *Level *\| *Target *\| *Depends on *\|/ { print; getline; print;
             print "| 1 | **TLSPrintImaginary** | `TLSPrintCore` | nothing |"; done = 1; next } { print }' \
        "$root/ARCHITECTURE.md" >"$work/target.md"
    expect_failure "made-up target" "$work/target.md" "TLSPrintImaginary"
    # The Core row claiming a dependency it does not have.
    # shellcheck disable=SC2016  # the backticks are Markdown
    sed -E 's/^(\| *0 *\| *\*\*TLSPrintCore\*\* *\|)[^|]*\|/\1 `TLSPrintImaginaryDependency` |/' \
        "$root/ARCHITECTURE.md" >"$work/dependency.md"
    expect_failure "made-up dependency" "$work/dependency.md" "TLSPrintImaginaryDependency"
    if "$self" "$root/ARCHITECTURE.md" >"$work/out" 2>&1; then
        echo "self-test: ARCHITECTURE.md: passes: $(tail -1 "$work/out")"
    else
        echo "self-test: ARCHITECTURE.md fails the check:" >&2
        sed 's/^/    /' "$work/out" >&2
        failures=$((failures + 1))
    fi
    [ "$failures" -eq 0 ] || exit 1
    exit 0
fi

[ $# -le 1 ] || { echo "usage: $0 [FILE | --self-test]" >&2; exit 2; }
doc="${1:-$root/ARCHITECTURE.md}"
[ -f "$doc" ] || { echo "$0: $doc: no such file" >&2; exit 2; }
shared="${TLSPRINT_SHARED:-../shared}"
case "$shared" in /*) ;; *) shared="$root/$shared" ;; esac

problems=0
problem() {
    echo "$(basename "$doc"):$*" >&2
    problems=$((problems + 1))
}

# ---- 1. paths --------------------------------------------------------------------------------------------
files="$(git -C "$root" ls-files --cached --others --exclude-standard 2>/dev/null)" \
    || files="$(cd "$root" && find . -path ./.git -prune -o -name '.build*' -prune -o -type f -print | sed 's|^\./||')"
declare -A names
while IFS= read -r file; do names[${file##*/}]=1; done <<<"$files"

# Prints "LINE<TAB>TOKEN<TAB>DIRECTORY" for every word of inline code and of non-swift fenced blocks; DIRECTORY
# is the directory a tree-listing line starts with ("-" when none).
tokens() {
    awk '
        /^[ \t]*```/ {
            if (!fence) { fence = 1; lang = $0; sub(/^[ \t]*```/, "", lang); skip = (lang ~ /^swift/) }
            else { fence = 0; skip = 0 }
            next
        }
        fence {
            if (skip) next
            line = $0; sub(/[ \t]#.*$/, "", line); sub(/^[ \t]+/, "", line)
            n = split(line, words, /[ \t]+/)
            directory = (words[1] ~ /\/$/) ? words[1] : "-"
            if (words[1] != "") print NR "\t" words[1] "\t-"
            for (i = 2; i <= n; i++) if (words[i] != "") print NR "\t" words[i] "\t" directory
            next
        }
        {
            line = $0
            while (match(line, /`[^`]+`/)) {
                span = substr(line, RSTART + 1, RLENGTH - 2)
                n = split(span, words, /[ \t]+/)
                for (i = 1; i <= n; i++) if (words[i] != "") print NR "\t" words[i] "\t-"
                line = substr(line, RSTART + RLENGTH)
            }
        }
    ' "$1"
}

# Turns a path with wildcards into an extended regular expression for grep -E.
glob_regex() {
    local escaped
    escaped="$(printf '%s' "$1" | sed -e 's/[].[^$+?(){}|\\]/\\&/g' -e 's/\*/[^\/]*/g')"
    printf '%s' "$escaped"
}

checked=0
shared_skipped=0
while IFS=$'\t' read -r line token directory; do
    token="${token#[\(\[\"\']}"
    token="${token%%[\)\],;:\"\']}"
    token="${token%.}"
    token="${token%%[\)\],;:\"\']}"
    [ -n "$token" ] || continue
    case "$token" in *:* | /* | '~'*) continue ;; esac
    if [[ "$token" != */* && ! "$token" =~ \.($EXTENSIONS)$ ]]; then continue; fi
    [ "$directory" = "-" ] || token="$directory$token"
    pattern="${token//…/*}"
    while [[ "$pattern" =~ ^(.*)\<[^\>]*\>(.*)$ ]]; do pattern="${BASH_REMATCH[1]}*${BASH_REMATCH[2]}"; done
    base="$root"
    case "$pattern" in
        ../shared/* | shared/*)
            if [ ! -d "$shared" ]; then
                shared_skipped=$((shared_skipped + 1))
                continue
            fi
            pattern="${pattern#../}"
            pattern="./${pattern#shared/}"
            base="$shared"
            ;;
    esac
    checked=$((checked + 1))
    if [[ "$pattern" == */* ]]; then
        if [[ "$pattern" == *'*'* ]]; then
            compgen -G "$base/${pattern%/}" >/dev/null || problem "$line: \`$token\` matches nothing"
        else
            [ -e "$base/$pattern" ] || problem "$line: \`$token\` does not exist"
        fi
    elif [[ "$pattern" == *'*'* ]]; then
        grep -qE "(^|/)$(glob_regex "$pattern")\$" <<<"$files" \
            || problem "$line: \`$token\` matches the name of no file in the repository"
    else
        [ -n "${names[$pattern]:-}" ] || problem "$line: \`$token\` is not the name of any file in the repository"
    fi
done < <(tokens "$doc")

# ---- 2. targets ------------------------------------------------------------------------------------------
# One line per target, in manifest order: NAME<TAB>TYPE<TAB>DEPENDENCY ...
manifest="$(cd "$root" && "$swift" package dump-package | python3 -c '
import json, sys
for target in json.load(sys.stdin)["targets"]:
    dependencies = []
    for dependency in target.get("dependencies", []):
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                dependencies.append(dependency[kind][0])
    print("\t".join([target["name"], target["type"]] + dependencies))
')"
declare -A kind depends level
order=()
while IFS=$'\t' read -r name type rest; do
    order+=("$name")
    kind[$name]="$type"
    depends[$name]="$(tr '\t' '\n' <<<"$rest" | sed '/^$/d' | sort | tr '\n' ' ')"
done <<<"$manifest"
[ "${#order[@]}" -gt 0 ] || { echo "$0: no targets read from Package.swift" >&2; exit 1; }

# Levels of non-test targets: repeat until stable (SwiftPM already rejects cycles).
changed=1
while [ "$changed" -eq 1 ]; do
    changed=0
    for name in "${order[@]}"; do
        [ "${kind[$name]}" != test ] || continue
        new=0
        for dependency in ${depends[$name]}; do
            if [ -n "${kind[$dependency]:-}" ]; then
                below="${level[$dependency]:-0}"
                [ $((below + 1)) -le "$new" ] || new=$((below + 1))
            fi
        done
        if [ "${level[$name]:-}" != "$new" ]; then
            level[$name]=$new
            changed=1
        fi
    done
done

declare -A rows
while IFS=$'\t' read -r line cell_level cell_target cell_depends; do
    target="$(sed -nE 's/.*\*\*([A-Za-z0-9_]+)\*\*.*/\1/p' <<<"$cell_target")"
    if [ -z "$target" ]; then
        problem "$line: target table row without a **Target** name"
        continue
    fi
    rows[$target]=1
    if [ -z "${kind[$target]:-}" ]; then
        problem "$line: **$target** is not a target of Package.swift"
        continue
    fi
    listed="$(tr ',' '\n' <<<"$cell_depends" | tr -d '` ' | sed -e '/^$/d' -e '/^—$/d' | sort | tr '\n' ' ')"
    if [ "$listed" != "${depends[$target]}" ]; then
        problem "$line: **$target** depends on [ ${depends[$target]:-— }] in Package.swift, the table says [ ${listed:-— }]"
    fi
    expected="${level[$target]:-test}"
    cell_level="$(tr -d ' ' <<<"$cell_level")"
    [ "$cell_level" = "$expected" ] || problem "$line: **$target** is at level $expected, the table says $cell_level"
done < <(awk -F'|' '
    /^\| *Level *\| *Target *\| *Depends on *\|/ { table = 1; next }
    table && /^\|[ -]*-/ { next }
    table && /^\|/ { print NR "\t" $2 "\t" $3 "\t" $4; next }
    { table = 0 }
' "$doc")
for name in "${order[@]}"; do
    [ -n "${rows[$name]:-}" ] || problem " Package.swift target $name has no row in a target table"
done

declare -A drawn
diagram_found=0
while IFS=$'\t' read -r line number words; do
    diagram_found=1
    actual=""
    for word in $words; do
        if [ -n "${kind[$word]:-}" ] || [[ "$word" == TLSPrint* ]]; then
            actual+="$word"$'\n'
            drawn[$word]=1
        fi
    done
    actual="$(sort <<<"$actual" | sed '/^$/d' | tr '\n' ' ')"
    expected=""
    for name in "${order[@]}"; do
        [ "${kind[$name]}" = test ] || [ "${level[$name]}" != "$number" ] || expected+="$name"$'\n'
    done
    expected="$(sort <<<"$expected" | sed '/^$/d' | tr '\n' ' ')"
    [ "$actual" = "$expected" ] || problem "$line: diagram level $number shows [ $actual], Package.swift gives [ $expected]"
done < <(awk '
    /^<!-- lint-architecture: levels -->/ { armed = 1; next }
    armed && /^[ \t]*```/ { if (inside) exit; inside = 1; next }
    inside && match($0, /^[ \t]*[0-9]+[ \t]/) {
        number = $0; sub(/^[ \t]*/, "", number); sub(/[ \t].*$/, "", number)
        rest = substr($0, RLENGTH + 1); gsub(/[^A-Za-z0-9_]+/, " ", rest)
        print NR "\t" number "\t" rest
    }
' "$doc")
if [ "$diagram_found" -eq 0 ]; then
    problem " no module diagram (a fenced block after <!-- lint-architecture: levels -->)"
else
    for name in "${order[@]}"; do
        [ "${kind[$name]}" = test ] || [ -n "${drawn[$name]:-}" ] || problem " target $name is missing from the module diagram"
    done
fi

if [ "$shared_skipped" -gt 0 ]; then
    echo "$(basename "$doc"): note: $shared not found, $shared_skipped paths under shared/ not checked" >&2
fi
if [ "$problems" -gt 0 ]; then
    echo "$(basename "$doc"): $problems problems" >&2
    exit 1
fi
echo "$(basename "$doc"): $checked paths exist; ${#order[@]} targets match Package.swift (table, dependencies, levels, diagram)"
