#!/bin/sh
# Starts the service this image was built for ($SERVICE, set by docker/Dockerfile), or runs
# the given command instead (`docker run IMAGE npm run migrate`). `healthcheck` is what the
# image's HEALTHCHECK runs.
set -eu
cd /app

SUBGRAPHS="catalog pricing marketing inventory warehouse delivery orders crm"
SERVICE="${SERVICE:?SERVICE is not set}"

is_subgraph() {
  for s in $SUBGRAPHS; do [ "$s" = "$1" ] && return 0; done
  return 1
}

# The port the service listens on. PORT is the one knob in the images; the code itself reads
# <NAME>_PORT for a subgraph and GATEWAY_PORT for the gateway, which win when set.
listen_port() {
  if is_subgraph "$SERVICE"; then
    name=$(echo "$SERVICE" | tr '[:lower:]' '[:upper:]')
    eval "echo \"\${${name}_PORT:-\${PORT:-}}\""
  elif [ "$SERVICE" = gateway ]; then
    echo "${GATEWAY_PORT:-${PORT:-4000}}"
  else
    echo "${PORT:-}"
  fi
}

if [ "${1:-}" = healthcheck ]; then
  case "$SERVICE" in
    storefront|console) path=/login ;;
    migrate) exit 0 ;;
    *) path=/healthz ;;
  esac
  # shellcheck disable=SC2016 # JavaScript template literal, not shell
  exec node -e '
    fetch(`http://127.0.0.1:${process.argv[1]}${process.argv[2]}`, { redirect: "manual", signal: AbortSignal.timeout(4000) })
      .then((r) => process.exit(r.status >= 200 && r.status < 400 ? 0 : 1), () => process.exit(1));
  ' "$(listen_port)" "$path"
fi

# Any other argument: run it as the command (compose's `command:`, a shell for debugging).
if [ "$#" -gt 0 ]; then exec "$@"; fi

port=$(listen_port)
if is_subgraph "$SERVICE"; then
  name=$(echo "$SERVICE" | tr '[:lower:]' '[:upper:]')
  [ -n "$port" ] && export "${name}_PORT=$port"
  exec node --import tsx "subgraphs/$SERVICE/src/index.ts"
fi
case "$SERVICE" in
  gateway)
    export GATEWAY_PORT="$port"
    exec node --import tsx gateway/src/index.ts
    ;;
  storefront|console)
    cd "/app/$SERVICE"
    # What `npx react-router-serve` resolves to, started directly so it gets SIGTERM itself.
    exec /app/node_modules/.bin/react-router-serve ./build/server/index.js
    ;;
  migrate)
    exec npm run migrate
    ;;
  *)
    echo "entrypoint: unknown SERVICE '$SERVICE'" >&2
    exit 64
    ;;
esac
