#!/usr/bin/env bash
# Installs the Debian 12 packages the kiosk needs to build, run and test.
# One list, kept here. Idempotent: only missing packages are installed.
set -euo pipefail

PACKAGES=(
  # toolchain
  cmake ninja-build g++ pkg-config git
  # Qt 6.4
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
  libqt6sql6-sqlite libqt6sql6-psql
  qt6-charts-dev qml6-module-qtcharts
  qt6-multimedia-dev qml6-module-qtmultimedia
  qt6-virtualkeyboard-plugin qml6-module-qtquick-virtualkeyboard
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qtqml-workerscript
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qttest
  qml6-module-qtquick-dialogs qml6-module-qt-labs-platform qml6-module-qtquick-shapes
  # barcodes, usb, print, crypto
  libzxing-dev libzbar-dev zbar-tools
  libusb-1.0-0-dev umockdev libumockdev-dev
  libcups2-dev cups cups-client cups-ipp-utils cups-filters dbus-daemon
  libsodium-dev libsqlite3-dev sqlite3
  # fonts, rendering, pdf checks
  fonts-dejavu-core fonts-wqy-microhei poppler-utils
  libgl1-mesa-dri xvfb xauth
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev glabels
  # Chinese pinyin for the on-screen keyboard (engine + dictionary)
  libgooglepinyin0-dev libgooglepinyin0
  # multi-kiosk backend (PostgreSQL 15)
  postgresql
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "deps: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "deps: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
