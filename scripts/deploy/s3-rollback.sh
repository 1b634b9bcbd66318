#!/usr/bin/env bash
# Restores the site s3-deploy.sh kept in _previous/ and invalidates CloudFront.
set -euo pipefail
: "${S3_BUCKET:?S3_BUCKET is not set}"
dest="s3://$S3_BUCKET"
if [ -z "$(aws s3 ls "$dest/_previous/" 2>/dev/null | head -1)" ]; then
  echo "s3-rollback: nothing in $dest/_previous/ to roll back to" >&2
  exit 1
fi
aws s3 sync "$dest/_previous/" "$dest/" --exclude "_previous/*" --delete --only-show-errors
if [ -n "${CLOUDFRONT_DISTRIBUTION_ID:-}" ]; then
  aws cloudfront create-invalidation --distribution-id "$CLOUDFRONT_DISTRIBUTION_ID" --paths "/*" >/dev/null
fi
echo "s3-rollback: restored the previous site"
