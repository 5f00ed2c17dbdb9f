#!/usr/bin/env bash
# How long a re-index spends on each article's hubness (Hubness.of) for articles of 1,000, 10,000 and 100,000
# passages (or the sizes given), on embedding-like vectors; --exact also times comparing all pairs, as re-indexes
# did before the neighbour graph, and counts the passages whose centrality the graph got wrong.
#   src/bench/reindex-hubness.sh                 # 1000 10000 100000
#   src/bench/reindex-hubness.sh --exact 1000 4000 10000
set -euo pipefail
cd "$(dirname "$0")/../.."
export OPT_OUT_TRACKING=true
[ -f target/article-chat.jar ] || mvn -q -B -ntp -DskipTests package
mvn -q -B -ntp test-compile
java -cp target/test-classes:target/article-chat.jar dev.articlechat.ingest.HubnessBenchmark "$@"
