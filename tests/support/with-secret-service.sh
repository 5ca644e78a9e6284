#!/bin/sh
# Runs CMD where a Secret Service answers on the D-Bus session bus.
# If one already answers (a desktop session), CMD runs as is. Otherwise CMD runs inside a private
# D-Bus session with gnome-keyring-daemon serving an unlocked keyring that lives in a temp folder,
# so a real keyring is never touched, and everything is torn down afterwards.
set -eu

if [ "$#" -eq 0 ]; then
  echo "usage: with-secret-service.sh CMD [ARG]..." >&2
  exit 2
fi

secrets_answer() {
  [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || return 1
  command -v dbus-send >/dev/null 2>&1 || return 1
  timeout 5 dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

if [ "${WITH_SECRET_SERVICE_INNER:-}" = 1 ]; then
  # Our stderr again (fd 3); the bus daemon keeps the one that hides its container chatter.
  exec 2>&3 3>&-
  # Inside the private session: start the keyring, wait until it owns its bus name (so D-Bus
  # activation never starts a second daemon on the real keyring folder), run CMD, stop the keyring.
  keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/custody-keyring.XXXXXX")
  mkdir -m 700 "$keyring_home/data" "$keyring_home/run"
  printf 'custody-test' | HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run" \
    gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>"$keyring_home/daemon.log" &
  keyring_pid=$!
  cleanup() {
    kill "$keyring_pid" 2>/dev/null || true
    wait "$keyring_pid" 2>/dev/null || true
    rm -rf "$keyring_home"
  }
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  tries=0
  until secrets_answer; do
    tries=$((tries + 1))
    if [ "$tries" -ge 100 ] || ! kill -0 "$keyring_pid" 2>/dev/null; then
      echo "with-secret-service: gnome-keyring-daemon did not start:" >&2
      cat "$keyring_home/daemon.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  unset WITH_SECRET_SERVICE_INNER
  status=0
  "$@" || status=$?
  exit "$status"
fi

if secrets_answer; then
  exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-secret-service: no Secret Service answers and $tool is missing (install dbus, dbus-bin and gnome-keyring)." >&2
    exit 1
  fi
done

# dbus-daemon warns on stderr when it may not raise its file limit (containers); that is noise.
WITH_SECRET_SERVICE_INNER=1 exec dbus-run-session -- "$0" "$@" 3>&2 2>/dev/null
