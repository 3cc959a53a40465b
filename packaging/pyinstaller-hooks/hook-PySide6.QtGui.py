"""PyInstaller's own PySide6.QtGui hook, minus the Qt plugins a desktop app never loads.

Used instead of the stock hook (packaging/liaison.spec names this folder in ``hookspath``).
The plugins are dropped *here*, before PyInstaller follows their shared-library
dependencies: removing them after the analysis would leave behind everything they link,
e.g. the whole GTK stack of the gtk3 platform theme.
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# Plugin folders and files (by name up to the first dot) that stay out, and why:
UNWANTED_PLUGIN_DIRS = {
    "egldeviceintegrations",  # only for the eglfs full-screen platform
    "generic",  # evdev/tslib/tuio input for framebuffer platforms; X11 and Wayland bring their own
}
UNWANTED_PLUGINS = {
    "libqeglfs", "libqlinuxfb", "libqminimalegl", "libqvnc", "libqvkkhrdisplay",  # platforms
    # for kiosks and framebuffers, never a desktop session
    "libqgtk3",  # GTK3 theme: links the GTK stack, which must come from the system, not the
    # bundle (mixing a bundled GLib with the system's GTK crashes); xdgdesktopportal remains
    "libqtvirtualkeyboardplugin",  # on-screen keyboard (PySide6-Addons): drags in Qml and
    # Quick, ~25 MB, for kiosks and touch panels; desktops have a keyboard or their own OSK
}


def wanted(source: str, dest_dir: str) -> bool:
    parts = PurePath(dest_dir).parts
    if "plugins" not in parts:
        return True
    inside = parts[parts.index("plugins") + 1:]
    if inside and inside[0] in UNWANTED_PLUGIN_DIRS:
        return False
    return PurePath(source).name.split(".")[0] not in UNWANTED_PLUGINS


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest) for source, dest in binaries if wanted(source, dest)]
