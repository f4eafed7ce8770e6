#!/usr/bin/env bash
# Runs a command inside a D-Bus session of its own with gnome-keyring's Secret Service unlocked, so
# the OS keychain (@napi-rs/keyring) is real in tests and CI: `scripts/with-keyring.sh npm test`.
# Always a throwaway keyring, also on a desktop: tests never meet the user's own secrets. Nested
# calls (npm test inside it) run in the session already started.
# Needs Debian's gnome-keyring, dbus-user-session (or dbus-x11) and libsecret-tools.
set -euo pipefail
if [[ "${LICENCE_DESK_IN_KEYRING:-}" == 1 ]]; then exec "$@"; fi
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || {
    echo "with-keyring: $tool is missing (apt-get install gnome-keyring dbus-user-session)" >&2
    exit 1
  }
done
# The password unlocks a throwaway login keyring that lives only as long as this session.
exec dbus-run-session -- bash -c '
  eval "$(printf "unlock\n" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" >/dev/null
  export LICENCE_DESK_IN_KEYRING=1
  exec "$@"' with-keyring "$@" 2> >(grep -v --line-buffered "Failed to set fd limit" >&2)
