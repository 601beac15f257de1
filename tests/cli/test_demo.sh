# chartmix demo: the simulated market as canonical CSV (sourced by run_cli_tests.sh: $cli, $here, check).
demo_tmp=$(mktemp -d)
"$cli" demo --seed 7 --weeks 4 --out "$demo_tmp/a.csv" 2>"$demo_tmp/a.log"
"$cli" demo --seed 7 --weeks 4 --out "$demo_tmp/b.csv" 2>/dev/null
"$cli" demo --seed 8 --weeks 4 --out "$demo_tmp/c.csv" 2>/dev/null
"$cli" demo --seed 7 --weeks 4 --quiet >"$demo_tmp/stdout.csv" 2>"$demo_tmp/quiet.log"
check "demo: the same seed writes identical bytes" cmp -s "$demo_tmp/a.csv" "$demo_tmp/b.csv"
check "demo: another seed writes other bytes" bash -c "! cmp -s '$demo_tmp/a.csv' '$demo_tmp/c.csv'"
check "demo: standard output gets the same bytes as --out" cmp -s "$demo_tmp/a.csv" "$demo_tmp/stdout.csv"
check "demo: --quiet prints no summary" test ! -s "$demo_tmp/quiet.log"
check "demo: the summary says the data is simulated" grep -q '^Simulated chart market' "$demo_tmp/a.log"
check "demo: the CSV starts with the canonical header" bash -c "head -1 '$demo_tmp/a.csv' | grep -qx 'source,period,rank,title,artist,units,unit_type'"
# 4 weeks x (Melon, Bugs, FLO, VIBE, Circle, QQ, Kuwo, YouTube, official: 100; Genie, Spotify: 200;
# Kugou: 300 songs), fewer in early weeks when fewer songs are out: at most 4 x 1,800 rows.
check "demo: plausible row count" bash -c "n=\$(( \$(wc -l < '$demo_tmp/a.csv') - 1 )); [ \$n -ge 3000 ] && [ \$n -le 7200 ]"
check "demo: four weekly periods" bash -c "[ \$(tail -n +2 '$demo_tmp/a.csv' | cut -d, -f2 | sort -u | wc -l) -eq 4 ]"
check "demo: all 12 sources, the official composite among them" bash -c "[ \$(tail -n +2 '$demo_tmp/a.csv' | cut -d, -f1 | sort -u | wc -l) -eq 12 ] && grep -q '^official,' '$demo_tmp/a.csv'"
check "demo: Spotify rows carry integer streams" grep -Eq '^spotify-global,[^,]+,1,.*,[0-9]+,streams$' "$demo_tmp/a.csv"
check "demo: Melon rows carry no units (Melon publishes ranks only)" bash -c "grep -q '^melon,' '$demo_tmp/a.csv' && ! grep '^melon,' '$demo_tmp/a.csv' | grep -qv ',,\$'"
check "demo: commas in credits are quoted" grep -q ',"[^"]*, [^"]*",' "$demo_tmp/a.csv"
"$cli" demo --weeks 10 --scale 50000 --quiet --out "$demo_tmp/scale.csv" 2>/dev/null
check "demo: --scale writes exactly that many entries" bash -c "[ \$(( \$(wc -l < '$demo_tmp/scale.csv') - 1 )) -eq 50000 ]"
check "demo: a bad number exits 2" bash -c "'$cli' demo --weeks zero >/dev/null 2>&1; [ \$? -eq 2 ]"
check "demo: an unknown option exits 2" bash -c "'$cli' demo --frobnicate 1 >/dev/null 2>&1; [ \$? -eq 2 ]"
check "demo: an impossible scale is refused with exit 1 and a reason" bash -c "'$cli' demo --weeks 1 --scale 10000000 --out /dev/null 2>&1 | grep -q 'deeper than 65,535'; [ \${PIPESTATUS[0]} -eq 1 ]"
check "demo: --help describes the options" bash -c "'$cli' demo --help | grep -q -- '--scale'"
rm -rf "$demo_tmp"
