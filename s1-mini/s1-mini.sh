#!/usr/bin/env bash
# s1-mini from the command line, offline (DJL never downloads; PyTorch's CPU build comes from the Maven jar).
#
#   s1-mini/s1-mini.sh recipe [--seed 1] [--out s1-mini/target/recipe] [--smoke true] ...  # pool, selection, training, GGUF
#   s1-mini/s1-mini.sh eval   [--models s1-mini/target/recipe] [--per-domain 20] [--cap 256] # budget-forcing evaluation
#   s1-mini/s1-mini.sh sample [COUNT]                                                        # print a few traces
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl s1-mini -am -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile=target/s1-mini-classpath.txt >&2
exec java -Dai.djl.offline=true -Xmx3g \
  -cp "s1-mini/target/classes:engine/target/classes:$(cat s1-mini/target/s1-mini-classpath.txt)" \
  io.reasoner.s1mini.cli.S1Mini "$@"
