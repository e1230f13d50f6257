#!/bin/sh
# make-certs.sh DIR: a throwaway certificate authority and a server
# certificate it signed, for PostgreSQL over TLS in the tests.
#
#   DIR/ca.crt            the CA the clients trust (sslrootcert)
#   DIR/server.crt .key   for localhost and 127.0.0.1, signed by ca.crt
#   DIR/other-ca.crt      an unrelated CA: trusting it must fail
#
# Valid for two days: long enough for any run, useless if it leaks.
set -eu

dir=$1
mkdir -p "$dir"
cd "$dir"

ssl() {
	openssl "$@" 2>/dev/null
}

ssl req -new -x509 -days 2 -nodes -subj "/CN=handoff test CA" \
    -keyout ca.key -out ca.crt
ssl req -new -x509 -days 2 -nodes -subj "/CN=unrelated test CA" \
    -keyout other-ca.key -out other-ca.crt
ssl req -new -nodes -subj "/CN=localhost" -keyout server.key -out server.csr
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > server.ext
ssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
    -days 2 -extfile server.ext -out server.crt
rm -f server.csr server.ext ca.srl ca.key other-ca.key
chmod 644 ca.crt other-ca.crt server.crt
chmod 600 server.key
