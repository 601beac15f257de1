# Sourced by run_cli_tests.sh ($cli, $here and check are set there): chartmix inspect.
fx="$here/fixtures"
check "inspect: a canonical CSV lists its sources, periods, songs and entries" \
    bash -c "out=\$('$cli' inspect '$fx/canonical_small.csv'); echo \"\$out\" | grep -q '^sources: 2' && echo \"\$out\" | grep -q '^periods: 2' && echo \"\$out\" | grep -q '^entries: 5' && echo \"\$out\" | grep -q '^songs: '"
check "inspect: lenient mode lists every rejected row with file:line:column" \
    bash -c "out=\$('$cli' inspect '$fx/bad_rows.csv' --lenient); [ \$? -eq 0 ] && echo \"\$out\" | grep -q 'rejected rows: 4' && echo \"\$out\" | grep -q 'bad_rows.csv:3:18: '"
check "inspect: strict mode fails on the first bad row and exits 1" \
    bash -c "'$cli' inspect '$fx/bad_rows.csv' --strict >/dev/null 2>&1; [ \$? -eq 1 ] && '$cli' inspect '$fx/bad_rows.csv' --strict 2>&1 | grep -q 'bad_rows.csv:3:18'"
check "inspect: --format json is valid JSON with the rejected rows" \
    bash -c "'$cli' inspect '$fx/bad_rows.csv' --format json | node -e 'const d=JSON.parse(require(\"fs\").readFileSync(0,\"utf8\")); if (d.rejected.length!==4||d.rejected[0].line!==3) process.exit(1)'"
check "inspect: a repeated rank is rejected and its song is not counted; a skipped rank is noted" \
    bash -c "t=\$(mktemp --suffix=.csv); printf 'source,period,rank,title,artist\\nmelon,2024-01-04,1,Song A,X\\nmelon,2024-01-04,1,Song B,Y\\nmelon,2024-01-04,3,Song C,Z\\n' > \"\$t\"; out=\$('$cli' inspect \"\$t\" --lenient); rm -f \"\$t\"; echo \"\$out\" | grep -q 'rejected rows: 1' && echo \"\$out\" | grep -q '^songs: 2 ' && echo \"\$out\" | grep -q '^note: melon: 1 period skips ranks (first 2024-01-04: no #2)'"
check "inspect: a manifest loads its files relative to its folder and aligns them" \
    bash -c "out=\$('$cli' inspect '$fx/align/manifest.json'); echo \"\$out\" | grep -q '^sources: 5' && echo \"\$out\" | grep -q 'rolled up'"
check "inspect: an empty file gets one sentence and exit 1" \
    bash -c "t=\$(mktemp); '$cli' inspect \"\$t\" 2>&1 | grep -q 'empty'; r=\$?; '$cli' inspect \"\$t\" >/dev/null 2>&1; e=\$?; rm -f \"\$t\"; [ \$r -eq 0 ] && [ \$e -eq 1 ]"
check "inspect: a binary file gets one sentence and exit 1" \
    bash -c "'$cli' inspect '$cli' 2>&1 | grep -q 'binary'"
check "inspect: a missing file exits 1" bash -c "'$cli' inspect /nonexistent.csv; [ \$? -eq 1 ]"
check "inspect: a bad option exits 2" bash -c "'$cli' inspect --frobnicate; [ \$? -eq 2 ]"
if [ -d "$here/../../shared/datasets" ]; then
    check "inspect: the Spotify 2023 manifest loads five markets with no rejected row" \
        bash -c "out=\$('$cli' inspect '$here/manifests/spotify-weekly-2023.json'); echo \"\$out\" | grep -q '^sources: 5' && ! echo \"\$out\" | grep -q 'rejected rows'"
fi
check "inspect: a manifest may list a file by its absolute path" \
    bash -c "d=\$(mktemp -d); sed 's|\"path\": \"|\"path\": \"$fx/align/|' '$fx/align/manifest.json' > \"\$d/m.json\"; out=\$('$cli' inspect \"\$d/m.json\"); rm -rf \"\$d\"; echo \"\$out\" | grep -q '^sources: 5'"
check "inspect: a truncated manifest is refused at the line and column where it stops" \
    bash -c "d=\$(mktemp -d); printf '{\"name\": \"cut\",\\n \"sources\": [ {\"key\": \"a\"},\\n' > \"\$d/m.json\"; out=\$('$cli' inspect \"\$d/m.json\" 2>&1); rm -rf \"\$d\"; echo \"\$out\" | grep -q 'm.json:3:'"
