#!/usr/bin/env bash
# Install the benchmark tools into bench/.peers (git-ignored), outside the project's dependencies:
# autocannon, the load generator, and Hive Gateway, the gateway ours is compared with. Safe to
# rerun: it installs nothing when the pinned versions are already there.
set -euo pipefail
cd "$(dirname "$0")/.."

AUTOCANNON_VERSION=9.0.0
HIVE_GATEWAY_VERSION=2.15.1
PEERS=bench/.peers

installed_version() {
  node -e 'try { console.log(require(process.argv[1]).version) } catch { console.log("none") }' \
    "$PWD/$PEERS/node_modules/$1/package.json"
}

if [ "$(installed_version autocannon)" = "$AUTOCANNON_VERSION" ] &&
  [ "$(installed_version @graphql-hive/gateway)" = "$HIVE_GATEWAY_VERSION" ]; then
  echo "autocannon $AUTOCANNON_VERSION and Hive Gateway $HIVE_GATEWAY_VERSION are already installed in $PEERS"
  exit 0
fi

mkdir -p "$PEERS"
# Some dependencies of Hive Gateway 2.15 declare Node.js >= 22 in their engines field, so npm on
# Node.js 20 prints EBADENGINE warnings. The gateway still serves this benchmark correctly on 20.20.
echo "installing autocannon $AUTOCANNON_VERSION and Hive Gateway $HIVE_GATEWAY_VERSION into $PEERS (about 520 MB)"
npm install --prefix "$PEERS" --no-audit --no-fund --save-exact --loglevel=error \
  "autocannon@$AUTOCANNON_VERSION" "@graphql-hive/gateway@$HIVE_GATEWAY_VERSION"
echo "installed: autocannon $(installed_version autocannon), Hive Gateway $(installed_version @graphql-hive/gateway)"
