#!/usr/bin/env bash
# Deploys a built site to S3 behind CloudFront.
#   scripts/deploy/s3-deploy.sh release/site
# Needs: aws CLI with credentials; S3_BUCKET; optional CLOUDFRONT_DISTRIBUTION_ID.
# Hashed assets get a year of immutable caching, everything else no-cache; .wasm is uploaded as
# application/wasm (streaming compilation refuses any other type). The live site is copied to
# _previous/ first so scripts/deploy/s3-rollback.sh can restore it. COOP/COEP/CSP must come from a
# CloudFront response headers policy (docs/serving.md lists them); post-deploy validation checks them.
set -euo pipefail
SITE="${1:?usage: s3-deploy.sh <site folder>}"
: "${S3_BUCKET:?S3_BUCKET is not set}"
command -v aws >/dev/null 2>&1 || { echo "s3-deploy: the aws CLI is not installed" >&2; exit 1; }
[ -f "$SITE/index.html" ] || { echo "s3-deploy: $SITE/index.html not found: run npm run release:build" >&2; exit 1; }
dest="s3://$S3_BUCKET"
IMMUTABLE="public, max-age=31536000, immutable"

echo "s3-deploy: keeping the live site in $dest/_previous/ for rollback"
aws s3 sync "$dest/" "$dest/_previous/" --exclude "_previous/*" --delete --only-show-errors

# CloudFront compresses on the fly; precompressed copies would only confuse S3 (no negotiation).
aws s3 sync "$SITE/assets" "$dest/assets" --exclude "*.gz" --exclude "*.br" --exclude "*.wasm" \
  --cache-control "$IMMUTABLE" --only-show-errors
aws s3 sync "$SITE/assets" "$dest/assets" --exclude "*" --include "*.wasm" \
  --content-type application/wasm --cache-control "$IMMUTABLE" --only-show-errors
aws s3 sync "$SITE" "$dest/" --exclude "assets/*" --exclude "_previous/*" --exclude "*.gz" --exclude "*.br" \
  --cache-control "no-cache" --delete --only-show-errors

if [ -n "${CLOUDFRONT_DISTRIBUTION_ID:-}" ]; then
  aws cloudfront create-invalidation --distribution-id "$CLOUDFRONT_DISTRIBUTION_ID" --paths "/*" >/dev/null
  echo "s3-deploy: CloudFront invalidation requested"
fi
echo "s3" >.deploy-target
echo "s3-deploy: done"
