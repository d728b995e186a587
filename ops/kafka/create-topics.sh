#!/bin/sh
# Creates the platform's topics, mirroring protocol/.../ReasoningTopic.java (name, partitions, cleanup policy).
# A test (deploy-checks TopicDeclarationsTest) fails when this table and the enum disagree.
# Usage: create-topics.sh BOOTSTRAP [REPLICATION]; idempotent (--if-not-exists).
set -eu
bootstrap="$1"
replication="${2:-1}"
topics=/opt/kafka/bin/kafka-topics.sh

create() { # name partitions cleanup.policy
  "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$1" --partitions "$2" \
    --replication-factor "$replication" --config "cleanup.policy=$3"
}

create reasoning.requests 12 delete
create reasoning.requests.batch 12 delete
create reasoning.requests.dlt 3 delete
create reasoning.chunks 12 delete
create reasoning.results 12 delete
create reasoning.control 12 delete
create reasoning.worker-stats 3 delete
create reasoning.budget-policy 1 compact
"$topics" --bootstrap-server "$bootstrap" --list
