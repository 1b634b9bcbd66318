#!/usr/bin/env bash
# `npm run serve`: builds what the harness needs (the crate if its build is missing or older than its
# sources) and serves the production build with the repo's nginx config (deploy/nginx.conf) on
# 127.0.0.1, in the foreground; Ctrl-C stops nginx and removes its temporary folder. Playwright's
# webServer runs it for the nginx targets; people and other tools can too. Options: scripts/serve-nginx.ts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v nginx >/dev/null 2>&1 || { echo "serve: nginx not found: install nginx and libnginx-mod-http-brotli-{filter,static} (scripts/setup.sh does)" >&2; exit 1; }
case " $* " in
  *" --print-config "* | *" --help "*) ;;
  *)
    # shellcheck source=scripts/lib/ensure-crate-built.sh
    source scripts/lib/ensure-crate-built.sh
    ensure_crate_built >&2
    ;;
esac
exec node --import tsx scripts/serve-nginx.ts "$@"
