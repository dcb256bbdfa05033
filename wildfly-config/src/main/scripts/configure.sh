#!/usr/bin/env bash
# Configures a WildFly 39 installation for Signet: installs the PostgreSQL driver module and
# applies signet.cli to the server configuration.
#
#   configure.sh JBOSS_HOME POSTGRESQL_JAR [SERVER_CONFIG]    server stopped (embed-server)
#   configure.sh --online JBOSS_HOME POSTGRESQL_JAR            server running on localhost:9990;
#                                                              reloaded afterwards
#
# Offline it is re-runnable: the server config is restored from the copy saved on the first run
# before the script is applied again. The TLS key store password and the H2 password are made
# once per installation and kept in data/signet/ (mode 0700), beside the key store and database
# they protect, so a rebuild keeps serving the same key pair and opening the same database.
#
# The cluster's secret is made the same way: data/signet/cluster.password and the AES key in
# data/signet/cluster.p12 (JGroups encrypts with the key and admits a node that knows the
# password). Nodes of one cluster must share both: copy the two files from the first node into
# every other node's standalone/data/signet/ before running this script there.
set -euo pipefail

online=false
if [ "${1:-}" = "--online" ]; then
  online=true
  shift
fi
jboss_home=$(cd "$1" && pwd)
pg_jar=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
config=${3:-standalone-ha.xml}
# beside this script in the provisioned server's bin/signet/, in ../cli in the source tree
cli_dir=$(cd "$(dirname "$0")" && pwd)
[ -f "$cli_dir/signet.cli" ] || cli_dir=$(cd "$cli_dir/../cli" && pwd)

if ! $online; then
  config_dir=$jboss_home/standalone/configuration
  pristine=$config_dir/$config.before-signet
  if [ -f "$pristine" ]; then
    cp "$pristine" "$config_dir/$config"
  else
    cp "$config_dir/$config" "$pristine"
  fi
fi

secret_dir=$jboss_home/standalone/data/signet
mkdir -p "$secret_dir"
chmod 700 "$secret_dir"
secret() {
  local file=$secret_dir/$1
  [ -s "$file" ] || (umask 077; head -c 33 /dev/urandom | base64 | tr -d '\n/+=' > "$file")
  cat "$file"
}
# A key store or database whose password file is gone can never be opened again: set it aside
# (the self-signed key pair is regenerated on boot) rather than fail on every later run.
orphan() {
  if [ ! -s "$secret_dir/$1" ] && [ -e "$secret_dir/$2" ]; then
    mv "$secret_dir/$2" "$secret_dir/$2.orphaned-$(date +%s)"
    echo "configure.sh: $secret_dir/$1 is missing; set $2 aside as unusable" >&2
  fi
}
orphan tls-keystore.password tls.p12
orphan h2.password signet.mv.db
orphan cluster.password cluster.p12
tls_password=$(secret tls-keystore.password)
db_password=$(secret h2.password)
cluster_secret=$(secret cluster.password)
if [ ! -s "$secret_dir/cluster.p12" ]; then
  keytool=keytool
  [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/keytool" ] && keytool=$JAVA_HOME/bin/keytool
  (umask 077; "$keytool" -genseckey -alias cluster -keyalg AES -keysize 256 -storetype PKCS12 \
      -keystore "$secret_dir/cluster.p12" -storepass "$cluster_secret" -keypass "$cluster_secret" >/dev/null)
fi

script=$(mktemp)
trap 'rm -f "$script"' EXIT
chmod 600 "$script"
{
  echo "set pgJar=$pg_jar"
  echo "set tlsPassword=$tls_password"
  echo "set dbPassword=$db_password"
  echo "set clusterSecret=$cluster_secret"
  if [ -d "$jboss_home/modules/org/postgresql" ]; then
    echo "module remove --name=org.postgresql"
  fi
  cat "$cli_dir/postgresql-driver.cli"
  # the model changes are applied without a runtime, then the server starts with them
  if $online; then echo "reload --start-mode=admin-only"; else echo "embed-server --server-config=$config --std-out=discard"; fi
  cat "$cli_dir/signet.cli"
  if $online; then echo "reload"; else echo "stop-embedded-server"; fi
} > "$script"

# Argon2id is memory-hard (19 MiB per hash in flight): WildFly's default 512 MiB heap spends its
# time in full GCs under concurrent logins. Only the installation's own start-up file is touched.
if ! $online && grep -q '^   JBOSS_JAVA_SIZING="-Xms64m -Xmx512m"' "$jboss_home/bin/standalone.conf"; then
  sed -i 's/^   JBOSS_JAVA_SIZING="-Xms64m -Xmx512m"/   JBOSS_JAVA_SIZING="-Xms512m -Xmx2g"/' "$jboss_home/bin/standalone.conf"
fi

# the commands shipped in bin/ (copied without their execute bit)
[ -f "$jboss_home/bin/recover-account" ] && chmod 755 "$jboss_home/bin/recover-account"

connect=()
$online && connect=(--connect)
JAVA_OPTS="${JAVA_OPTS:-} -Djava.awt.headless=true" "$jboss_home/bin/jboss-cli.sh" "${connect[@]}" --file="$script"
# The configuration holds the H2, key-store and cluster passwords; the logs name accounts and
# addresses: the server's user alone reads the one, its group at most the other. umask 027 in
# standalone.conf makes everything a standalone.sh-started server creates so (the server also
# sets these modes at each boot, for servers started another way).
if ! $online; then
  chmod -R go-rwx "$jboss_home/standalone/configuration"
  [ -d "$jboss_home/standalone/log" ] && chmod -R g-w,o-rwx "$jboss_home/standalone/log"
  grep -q '^umask 027' "$jboss_home/bin/standalone.conf" \
    || printf '\n# Signet: files the server creates (logs, configuration history) are not for other users\numask 027\n' >> "$jboss_home/bin/standalone.conf"
fi

echo "Signet configuration applied to $jboss_home ($($online && echo "running server" || echo "$config"))"
