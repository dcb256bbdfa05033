#!/bin/sh
# Runs getent through nslcd (nss-pam-ldapd) pointed at Signet, without touching the machine's own
# name service: in a private mount namespace, the given nslcd.conf and nsswitch.conf are mounted
# over /etc's, nslcd gets its own /run/nslcd, and it is stopped when getent is done. The namespace
# also has its own host name, localhost: OpenLDAP's client checks a certificate for a
# "localhost" URI against the machine's host name, and the test server's certificate is for
# localhost (a real installation uses its own domain and needs none of this).
# usage: getent.sh <dir holding nslcd.conf and nsswitch.conf> <database> <key> [<database> <key>]...
# Needs root (mount namespaces) and Debian's nslcd and libnss-ldapd; .ci/run installs them.
set -eu
dir=$1
shift
command -v nslcd >/dev/null || { echo "nslcd is not installed (apt-get install nslcd libnss-ldapd)" >&2; exit 3; }
[ -e /etc/nslcd.conf ] && [ -e /etc/nsswitch.conf ] || { echo "/etc/nslcd.conf or /etc/nsswitch.conf is missing" >&2; exit 3; }
mkdir -p /run/nslcd
exec unshare --mount --uts --propagation private sh -eu -c '
  dir=$1; shift
  hostname localhost
  mount --bind "$dir/nslcd.conf" /etc/nslcd.conf
  mount --bind "$dir/nsswitch.conf" /etc/nsswitch.conf
  mount -t tmpfs -o mode=0755 tmpfs /run/nslcd
  chown nslcd:nslcd /run/nslcd
  nslcd -d >"$dir/nslcd.log" 2>&1 &
  nslcd_pid=$!
  trap "kill $nslcd_pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 100); do [ -S /run/nslcd/socket ] && break; sleep 0.1; done
  [ -S /run/nslcd/socket ] || { echo "nslcd did not start:" >&2; cat "$dir/nslcd.log" >&2; exit 3; }
  status=0
  while [ $# -ge 2 ]; do
    getent "$1" "$2" || { echo "getent $1 $2: exit $?" >&2; status=2; }
    shift 2
  done
  exit $status
' getent-nslcd "$dir" "$@"
