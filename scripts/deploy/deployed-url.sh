#!/usr/bin/env bash
# Prints `url=` and `target=` lines (GitHub step outputs) for what the deploy job just did; an
# empty url means no deploy target had its secrets, and validation is skipped.
set -euo pipefail
target="$(cat .deploy-target 2>/dev/null || echo none)"
case "$target" in
  s3) url="${PUBLIC_URL:-}" ;;
  vercel) url="$(cat .deploy-url)" ;;
  *)
    url=""
    echo "deployed-url: no deploy target configured (set the S3 or Vercel secrets, README 'CI')" >&2
    ;;
esac
echo "url=$url"
echo "target=$target"
