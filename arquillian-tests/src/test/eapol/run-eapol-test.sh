#!/usr/bin/env bash
# One EAP authentication against Signet's RADIUS listener with wpa_supplicant's eapol_test
# (Debian package eapoltest). eapol_test checks by default that the MS-MPPE-Recv-Key/Send-Key of
# the Access-Accept match the MSK it derived itself, so exit 0 means: authenticated, keys right.
#
#   run-eapol-test.sh METHOD IDENTITY PASSWORD SHARED_SECRET CA_CERT_PEM [HOST] [PORT]
#   METHOD: peap-mschapv2 | ttls-pap | ttls-mschapv2 | eap-mschapv2
#
# Exit code: eapol_test's (0 success; non-zero failure or timeout). Its log goes to stdout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
method="$1" identity="$2" password="$3" shared="$4" ca="$5" host="${6:-127.0.0.1}" port="${7:-1812}"
template="$here/$method.conf"
[ -f "$template" ] || { echo "no such method: $method" >&2; exit 2; }
conf="$(mktemp --suffix=.conf)"
trap 'rm -f "$conf"' EXIT
# the values may hold characters sed treats specially: escape \, & and the | delimiter
esc() { printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'; }
sed -e "s|@IDENTITY@|$(esc "$identity")|" -e "s|@PASSWORD@|$(esc "$password")|" -e "s|@CA_CERT@|$(esc "$ca")|" \
  "$template" > "$conf"
# -r 0: no reauthentication round; -t 20: give up after 20 s
exec eapol_test -c "$conf" -a "$host" -p "$port" -s "$shared" -r 0 -t 20
