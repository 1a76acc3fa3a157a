#!/bin/sh
# Creates the private CA of this deployment and the certificates it issues to the `postgres` and
# `api` services, so that every hop inside the deployment is TLS that each side verifies. Run once
# from this folder, as root if you can (the keys are then given to the users that read them):
#   sh internal-tls.sh
# Re-run to renew (the certificates are valid for 825 days); restart the services afterwards.
set -eu
out=internal-tls
mkdir -p "$out"
umask 077
cd "$out"

if [ ! -f ca-key.pem ]; then
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 \
    -days 3650 -subj "/CN=coop internal CA" -keyout ca-key.pem -out ca.pem \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign"
fi

for name in postgres api; do
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 \
    -subj "/CN=$name" -keyout "$name-key.pem" -out "$name.csr"
  printf 'subjectAltName=DNS:%s\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\nbasicConstraints=critical,CA:FALSE\n' \
    "$name" > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial -sha256 \
    -days 825 -extfile "$name.ext" -out "$name.pem"
  rm "$name.csr" "$name.ext"
done
chmod 0644 ca.pem postgres.pem api.pem

# The API runs as the image's `node` user (uid 1000); PostgreSQL copies its key at start (see
# compose.yaml), so root may keep it.
if [ "$(id -u)" = 0 ]; then
  chown 1000:1000 api-key.pem
else
  echo "Not root: run 'sudo chown 1000:1000 $out/api-key.pem' so the API can read its key." >&2
fi
echo "Created $out/: ca.pem (trusted by every service), postgres.pem, api.pem and their keys."
echo "Keep ca-key.pem offline once the certificates are issued: it can issue more."
