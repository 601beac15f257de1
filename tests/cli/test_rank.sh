# Sourced by run_cli_tests.sh: the ranking commands (rank, compare, sensitivity, fit).
# Two platforms a and b chart three songs; c is a published chart that follows a.
rank_dir=$(mktemp -d)
cat > "$rank_dir/charts.csv" <<'CSV'
source,period,rank,title,artist,units,unit_type
a,2024-01-07,1,X,p,300,streams
a,2024-01-07,2,Y,q,200,streams
a,2024-01-07,3,Z,r,100,streams
b,2024-01-07,1,Y,q,50,streams
b,2024-01-07,2,X,p,40,streams
c,2024-01-07,1,X,p,3,points
c,2024-01-07,2,Y,q,2,points
c,2024-01-07,3,Z,r,1,points
a,2024-01-14,1,Y,q,300,streams
a,2024-01-14,2,X,p,200,streams
b,2024-01-14,1,Y,q,60,streams
c,2024-01-14,1,Y,q,3,points
c,2024-01-14,2,X,p,2,points
CSV
ds="$rank_dir/charts.csv"
echo '{"weights":{"a":1,"b":1},"missing":"zero"}' > "$rank_dir/mix.json"

check "rank ranks by share of total: X first in the first week" \
    bash -c "'$cli' rank '$ds' --mix '$rank_dir/mix.json' --period 2024-01-07 | grep -q '\"rank\":1,\"song\":[0-9]*,\"title\":\"X\"'"
check "rank prints per-source contributions" \
    bash -c "'$cli' rank '$ds' --mix '$rank_dir/mix.json' --period 2024-01-07 | grep -q '\"contributions\":{\"a\":0.5,\"b\":0.4444444444}'"
check "a dominant weight on b puts Y first" \
    bash -c "'$cli' rank '$ds' --mix '{\"weights\":{\"a\":1,\"b\":10}}' --period 2024-01-07 --top 1 | grep -q '\"title\":\"Y\"'"
check "rank --format csv has a header and one row per song" \
    bash -c "[ \$('$cli' rank '$ds' --mix '$rank_dir/mix.json' --period 2024-01-07 --format csv | head -1) = 'rank,song,title,artist,score,a,b' ] && [ \$('$cli' rank '$ds' --mix '$rank_dir/mix.json' --period 2024-01-07 --format csv | wc -l) -eq 4 ]"
check "the same mix from a file or inline gives the same bytes" \
    bash -c "cmp <('$cli' rank '$ds' --mix '$rank_dir/mix.json') <('$cli' rank '$ds' --mix '{\"missing\":\"zero\",\"weights\":{\"b\":1,\"a\":1}}')"
check "rank says which missing policy it used and that it is the method's default" \
    bash -c "'$cli' rank '$ds' --mix '{\"weights\":{\"a\":1}}' 2>&1 >/dev/null | grep -qx 'Missing songs: next rank (the default for weighted sum)'"
check "a points table defaults to zero for songs off a chart" \
    bash -c "'$cli' rank '$ds' --mix '{\"method\":\"points_table\",\"points\":[5,3]}' 2>&1 >/dev/null | grep -qx 'Missing songs: zero (the default for points table)'"
check "a policy the mix sets is named as set, with the method's default" \
    bash -c "'$cli' rank '$ds' --mix '{\"method\":\"points_table\",\"points\":[5,3],\"missing\":\"next_rank\"}' 2>&1 >/dev/null | grep -qx 'Missing songs: next rank (set by the mix; the default for points table is zero)'"
check "rank defaults to the last period" \
    bash -c "'$cli' rank '$ds' --mix '$rank_dir/mix.json' | grep -q '\"period\":\"2024-01-14\"'"
check "rank --history prints one line per period" \
    bash -c "[ \$('$cli' rank '$ds' --mix equal --history | wc -l) -eq 2 ]"
check "a preset name works as a mix" \
    bash -c "'$cli' rank '$ds' --mix equal --top 2 | grep -q '\"rank\":2'"
check "a negative weight is refused naming the field" \
    bash -c "'$cli' rank '$ds' --mix '{\"weights\":{\"a\":-1}}'; [ \$? -eq 1 ] && '$cli' rank '$ds' --mix '{\"weights\":{\"a\":-1}}' 2>&1 | grep -q 'weights.a: must be a finite number'"
check "an inline mix with a trailing comma names its line and column and what was expected" \
    bash -c "'$cli' rank '$ds' --mix '{\"weights\":{\"a\":1},}' 2>&1 | grep -qF 'chartmix rank: line 1, column 20: this is not valid JSON: expected a \"quoted\" field name here (JSON allows no comma before }).'"
check "all-zero weights are refused" \
    bash -c "'$cli' rank '$ds' --mix '{\"weights\":{\"a\":0,\"b\":0}}' 2>&1 | grep -q 'weights: all weights are 0'"
check "an unknown source is refused naming it" \
    bash -c "'$cli' rank '$ds' --mix '{\"weights\":{\"melon\":1}}' 2>&1 | grep -q 'weights.melon: there is no source'"
check "an unknown preset is refused and the presets listed" \
    bash -c "'$cli' rank '$ds' --mix gaon; [ \$? -eq 1 ] && '$cli' rank '$ds' --mix gaon 2>&1 | grep -q 'ichart'"
check "a period not in the data is refused" \
    bash -c "'$cli' rank '$ds' --mix equal --period 1999-01-01 2>&1 | grep -q '^chartmix rank: period:'"
check "rank with no dataset is bad usage" \
    bash -c "'$cli' rank --mix equal; [ \$? -eq 2 ]"
# The writer prints null for a number that is not finite: every score and contribution must be a number.
check "every score and contribution is a finite number (z-score of a one-song chart included)" \
    bash -c "'$cli' rank '$ds' --mix '{\"normalization\":\"z_score\",\"weights\":{\"b\":1}}' --history | node -e 'const lines=require(\"fs\").readFileSync(0,\"utf8\").trim().split(\"\\n\"); let n=0; for (const l of lines) for (const e of JSON.parse(l).entries) { for (const v of [e.score, ...Object.values(e.contributions)]) { if (typeof v!==\"number\"||!Number.isFinite(v)) process.exit(1); } n++; } if (lines.length!==2||n!==3) process.exit(1)'"
check "compare against a published chart prints tau-b and RBO" \
    bash -c "'$cli' compare '$ds' --mix '{\"weights\":{\"a\":1}}' --against c --period 2024-01-07 | grep -q '\"tau_b\":1,.*\"rbo\":1'"
check "compare two mixes" \
    bash -c "'$cli' compare '$ds' --mix '{\"weights\":{\"a\":1}}' --with '{\"weights\":{\"b\":1}}' --period 2024-01-07 --format csv | grep -q '^2024-01-07,'"
check "sensitivity prints rank intervals and P(#1)" \
    bash -c "'$cli' sensitivity '$ds' --mix '$rank_dir/mix.json' --source b --period 2024-01-07 --samples 200 | grep -q '\"keeps_rank_from\":0,.*\"number_one\"'"
check "sensitivity is reproducible with a seed" \
    bash -c "cmp <('$cli' sensitivity '$ds' --mix '$rank_dir/mix.json' --source b --seed 7) <('$cli' sensitivity '$ds' --mix '$rank_dir/mix.json' --source b --seed 7)"
check "sensitivity refuses an unknown source" \
    bash -c "'$cli' sensitivity '$ds' --mix '$rank_dir/mix.json' --source zz 2>&1 | grep -q 'source: there is no source'"
check "fit reproduces a chart that follows a" \
    bash -c "'$cli' fit '$ds' --mix '$rank_dir/mix.json' --official c | grep -q '\"tau_b\":1,'"
check "fit refuses a chart that is part of the mix" \
    bash -c "'$cli' fit '$ds' --mix '{\"weights\":{\"*\":1}}' --official c 2>&1 | grep -q 'official:'"
# A title holding a quote: the CSV cell is quoted with the quote doubled (RFC 4180), so the row
# still has six cells; it once came out as "Say "Hi"", which a reader splits wrongly.
cat > "$rank_dir/quote.csv" <<'CSV'
source,period,rank,title,artist,units,unit_type
a,2024-01-07,1,"Say ""Hi""",p,300,streams
a,2024-01-07,2,Y,q,200,streams
b,2024-01-07,1,Y,q,50,streams
b,2024-01-07,2,"Say ""Hi""",p,40,streams
CSV
check "sensitivity --format csv doubles a quote inside a title" \
    bash -c "'$cli' sensitivity '$rank_dir/quote.csv' --mix '$rank_dir/mix.json' --source b --period 2024-01-07 --samples 0 --format csv | grep -qF ',\"Say \"\"Hi\"\"\",p,'"
rm -rf "$rank_dir"
