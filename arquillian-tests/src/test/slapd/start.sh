#!/usr/bin/env bash
# Starts a private OpenLDAP slapd (Debian's package) as an upstream directory for sync tests and
# benchmarks: LDAPS only, on 127.0.0.1 / localhost, with the syncprov overlay (RFC 4533), a bind DN
# for Signet's sync account, and no size limit for it.
#   start.sh DIR PORT [LDIF...]   loads the LDIF files offline (slapadd) before it starts
# DIR/cert.pem is the CA certificate to trust; DIR/slapd.pid the process; stop with kill.
set -euo pipefail
dir=$1 port=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
base="dc=example,dc=com"
sync_password=${SLAPD_SYNC_PASSWORD:-upstream sync secret}
mkdir -p "$dir/data"
dir=$(cd "$dir" && pwd)
if [ ! -f "$dir/key.pem" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$dir/key.pem" -out "$dir/cert.pem" \
    -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 2>/dev/null
fi
root_password=$(openssl rand -hex 16)
echo "$root_password" > "$dir/root.password"
cat > "$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
include $here/openssh-lpk.schema
pidfile $dir/slapd.pid
argsfile $dir/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload syncprov
TLSCertificateFile $dir/cert.pem
TLSCertificateKeyFile $dir/key.pem
sizelimit 500
database mdb
suffix "$base"
rootdn "cn=admin,$base"
rootpw $(slappasswd -s "$root_password")
directory $dir/data
maxsize 4294967296
index objectClass,entryUUID,entryCSN eq
index uid,cn,memberUid,member eq
limits dn.exact="cn=signet-sync,$base" size=unlimited time=unlimited
access to attrs=userPassword by dn.exact="cn=signet-sync,$base" read by anonymous auth by * none
access to * by dn.exact="cn=signet-sync,$base" read by * none
overlay syncprov
syncprov-checkpoint 1000 5
syncprov-sessionlog 10000
CONF
if [ ! -f "$dir/data/data.mdb" ]; then
  cat > "$dir/base.ldif" <<LDIF
dn: $base
objectClass: top
objectClass: domain
dc: example

dn: ou=people,$base
objectClass: top
objectClass: organizationalUnit
ou: people

dn: ou=groups,$base
objectClass: top
objectClass: organizationalUnit
ou: groups

dn: cn=signet-sync,$base
objectClass: top
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: signet-sync
userPassword: $(slappasswd -s "$sync_password")
LDIF
  slapadd -q -f "$dir/slapd.conf" -l "$dir/base.ldif"
  for ldif in "$@"; do
    slapadd -q -f "$dir/slapd.conf" -l "$ldif"
  done
fi
slapd -f "$dir/slapd.conf" -h "ldaps://127.0.0.1:$port/" -n signet-test-slapd
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    exit 0
  fi
  sleep 0.1
done
echo "slapd did not listen on $port" >&2
exit 1
