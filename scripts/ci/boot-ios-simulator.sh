#!/usr/bin/env bash
# Boots an iPhone simulator (the newest iOS runtime installed) for the appium-ios target.
set -euo pipefail
DEVICE="${IOS_SIMULATOR:-iPhone 15}"
udid="$(xcrun simctl list devices available -j | node -e '
  const name = process.argv[1];
  const all = JSON.parse(require("fs").readFileSync(0, "utf8")).devices;
  const runtimes = Object.keys(all).filter((r) => /SimRuntime\.iOS-/.test(r)).sort().reverse();
  for (const r of runtimes) { const d = all[r].find((x) => x.name === name); if (d) { console.log(d.udid); process.exit(0); } }
  process.exit(1);' "$DEVICE")" || { echo "boot-ios-simulator: no available simulator named $DEVICE" >&2; exit 1; }
xcrun simctl boot "$udid" || true
xcrun simctl bootstatus "$udid" -b
echo "boot-ios-simulator: $DEVICE ($udid) booted"
