#!/bin/sh
# One-shot: the gateway's API key for `docker compose up`, as `./reasoner up` makes it (rsk_ + 32 hex digits,
# saved in .reasoner/api-key, where `./reasoner ask` finds it). An existing key is kept.
set -eu
state=/reasoner-state
if [ ! -s "$state/api-key" ]; then
  printf 'rsk_%s' "$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$state/api-key"
fi
key=$(cat "$state/api-key")
# Brackets keep the key's characters as they are when Spring binds it into the key -> tenant map.
printf 'reasoner.gateway.auth.keys[%s]=local\n' "$key" > "$state/compose-gateway-keys.properties"
# Docker creates a missing .reasoner as root; hand it to whoever owns the checkout (this script's owner), so that
# ./reasoner can use it too.
chown -R "$(stat -c %u:%g "$0")" "$state"
echo "gateway API key (tenant local), saved in .reasoner/api-key: $key"
