#!/usr/bin/env bash
# Deploys a built site to Vercel with its CLI (pinned), writing the URL to .deploy-url.
#   scripts/deploy/vercel-deploy.sh release/site
# Needs VERCEL_TOKEN, VERCEL_ORG_ID, VERCEL_PROJECT_ID. The headers (COOP/COEP, application/wasm,
# caching) come from deploy/vercel.json, copied into the site.
set -euo pipefail
SITE="${1:?usage: vercel-deploy.sh <site folder>}"
: "${VERCEL_TOKEN:?VERCEL_TOKEN is not set}"
VERCEL_CLI="vercel@64.0.2"
cp "$(dirname "$0")/../../deploy/vercel.json" "$SITE/vercel.json"
prod=()
[ "${DEPLOY_ENVIRONMENT:-staging}" = production ] && prod=(--prod)
url="$(npx --yes "$VERCEL_CLI" deploy "$SITE" --token "$VERCEL_TOKEN" --yes "${prod[@]}")"
echo "$url" >.deploy-url
echo "vercel" >.deploy-target
echo "vercel-deploy: $url"
