#!/bin/bash
# Measure lever settings on SciFact train with a relevance_eval built from
# ranking_knobs.cpp.txt (see ../RESULTS.md). Usage:
#   BIN=path/to/relevance_eval INDEX=/tmp/scifact-index sweep.sh "LS_K1=1.2 LS_B=0.75" "LS_FB_DOCS=3" ...
DATA=${DATA:-$(dirname "$0")/../../../../shared/data/scifact}
for cfg in "$@"; do
  r=$(env $cfg "${BIN:-relevance_eval}" --data "$DATA" --split train --index "${INDEX:-/tmp/scifact-index}" | tail -1)
  echo "$cfg | $r"
done
