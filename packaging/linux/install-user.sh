#!/bin/sh
# Install the Liaison bundle for the current user only (no root): the application, a
# `liaison` command, the menu entry, the icons and the AppStream metadata, all under ~/.local.
#
#   sh packaging/linux/install-user.sh [BUNDLE_DIR]     install or upgrade (default: dist/liaison)
#   sh packaging/linux/install-user.sh --uninstall      remove all of it (catalogs are kept)
#
# Where things go (XDG_DATA_HOME defaults to ~/.local/share):
#   ~/.local/lib/liaison/                 the bundle (replaced as a whole on upgrade)
#   ~/.local/bin/liaison                  a link to the bundle's executable
#   $XDG_DATA_HOME/applications/          io.github.liaison.Liaison.desktop
#   $XDG_DATA_HOME/icons/hicolor/         the icon, 16 to 512 px, and scalable
#   $XDG_DATA_HOME/metainfo/              io.github.liaison.Liaison.metainfo.xml
# Your catalogs live elsewhere ($XDG_DATA_HOME/Liaison/) and are never touched.
set -eu

APP_ID=io.github.liaison.Liaison
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
LIB=$HOME/.local/lib/liaison
BIN=$HOME/.local/bin
SIZES="16 24 32 48 64 128 256 512"

refresh_caches() {
  # Menus and icon themes pick changes up by themselves eventually; these make it immediate.
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DATA/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA/icons/hicolor/index.theme" ]
  then
    gtk-update-icon-cache -q -t "$DATA/icons/hicolor" 2>/dev/null || true
  fi
}

uninstall() {
  rm -rf "$LIB"
  if [ -L "$BIN/liaison" ]; then rm -f "$BIN/liaison"; fi
  rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" \
        "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in $SIZES; do
    rm -f "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
  refresh_caches
  echo "Removed Liaison. Your catalogs in $DATA/Liaison/ are still there."
}

if [ "${1:-}" = "--uninstall" ]; then
  uninstall
  exit 0
fi

BUNDLE=$(cd "${1:-$REPO/dist/liaison}" 2>/dev/null && pwd) || {
  echo "install-user.sh: no bundle at ${1:-$REPO/dist/liaison}; build it with \`make package\`" >&2
  exit 2
}
[ -x "$BUNDLE/liaison" ] || {
  echo "install-user.sh: $BUNDLE/liaison is missing; is $BUNDLE a Liaison bundle?" >&2
  exit 2
}
# Icons come from the bundle itself (assets/ sits in its data folder), so an installed copy
# always matches the program it belongs to.
ICONS=$BUNDLE/_internal/assets/icons
[ -d "$ICONS" ] || ICONS=$BUNDLE/assets/icons

# The bundle: copy beside the old one, then swap, so a failed copy leaves the old install.
mkdir -p "$(dirname "$LIB")" "$BIN"
rm -rf "$LIB.new"
cp -a "$BUNDLE" "$LIB.new"
rm -rf "$LIB.old"
if [ -d "$LIB" ]; then mv "$LIB" "$LIB.old"; fi
mv "$LIB.new" "$LIB"
rm -rf "$LIB.old"
ln -sfn "$LIB/liaison" "$BIN/liaison"

# The menu entry, pointing at the installed executable by its full path: ~/.local/bin is not
# on every desktop session's PATH.
# Exec is quoted (a home folder may hold spaces); sed's own special characters are escaped.
mkdir -p "$DATA/applications"
exe=$(printf '%s' "$LIB/liaison" | sed -e 's/[\\|&]/\\&/g')
sed -e "s|^Exec=.*|Exec=\"$exe\"|" -e "s|^TryExec=.*|TryExec=$exe|" \
  "$HERE/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"

for size in $SIZES; do
  mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
  cp "$ICONS/liaison-$size.png" "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
mkdir -p "$DATA/icons/hicolor/scalable/apps"
cp "$ICONS/liaison.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"

mkdir -p "$DATA/metainfo"
cp "$HERE/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"

refresh_caches
echo "Installed Liaison in $LIB; start it from your applications menu or with $BIN/liaison"
case ":$PATH:" in
  *":$BIN:"*) ;;
  *) echo "(Add $BIN to your PATH to type \`liaison\` in a terminal.)" ;;
esac
