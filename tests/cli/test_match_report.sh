# Sourced by run_cli_tests.sh ($cli, $here and check are set there): chartmix match-report.
fx="$here/fixtures/matching"
check "match-report: the labelled pairs meet the targets (precision 99.5%, recall 98%)" \
    bash -c "'$cli' match-report --labels '$fx/labelled_pairs.tsv' --targets"
check "match-report: prints precision, recall and each missed pair with its line" \
    bash -c "out=\$('$cli' match-report --labels '$fx/labelled_pairs.tsv'); echo \"\$out\" | grep -q '^precision: ' && echo \"\$out\" | grep -q '^recall: ' && echo \"\$out\" | grep -q '^missed: line [0-9]* '"
check "match-report: a small file gives the counts worked out by hand and names the unused alias" \
    bash -c "t=\$(mktemp --suffix=.tsv); printf 'same\tg\ta\tCuff It\tBeyonce\tb\tCUFF IT\tBeyoncé\nsame\tg\ta\tArea Codes\tKali\tb\tArea Codes\tKaliii\ndifferent\tg\ta\tKarma\tTaylor Swift\tb\tKarma (feat. Ice Spice)\tTaylor Swift, Ice Spice\nalias\tNobody\tNo One\n' > \"\$t\"; out=\$('$cli' match-report --labels \"\$t\"); '$cli' match-report --labels \"\$t\" --targets >/dev/null 2>&1; r=\$?; rm -f \"\$t\"; [ \$r -eq 1 ] && echo \"\$out\" | grep -q '^precision: 100.00% (1/1)' && echo \"\$out\" | grep -q '^recall: 50.00% (1/2)' && echo \"\$out\" | grep -q '^missed: line 2 ' && echo \"\$out\" | grep -q '^alias matched nothing: Nobody'"
check "match-report: a malformed row is refused with its line, exit 1" \
    bash -c "t=\$(mktemp --suffix=.tsv); printf 'maybe\tx\n' > \"\$t\"; '$cli' match-report --labels \"\$t\" 2>&1 | grep -q ':1:1: '; r=\$?; '$cli' match-report --labels \"\$t\" >/dev/null 2>&1; e=\$?; rm -f \"\$t\"; [ \$r -eq 0 ] && [ \$e -eq 1 ]"
check "match-report: no --labels is bad usage (exit 2)" bash -c "'$cli' match-report; [ \$? -eq 2 ]"
