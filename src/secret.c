/*
 * secret: random tokens, SHA-256, argon2id and the password rule, shared
 * by the server and handoffctl (see secret.h).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "secret.h"
#include "utf8.h"

/* Returns 0, or -1 when libsodium cannot start. */
int
secret_init(void)
{
	return (sodium_init() == -1 ? -1 : 0);
}

/* prefix + 32 random bytes, base64url without padding. */
void
secret_random(char *out, size_t size, const char *prefix)
{
	unsigned char	raw[32];
	char		b64[sodium_base64_ENCODED_LEN(32,
			    sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(b64, sizeof(b64), raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	(void)snprintf(out, size, "%s%s", prefix, b64);
	sodium_memzero(raw, sizeof(raw));
	sodium_memzero(b64, sizeof(b64));
}

void
secret_sha256_hex(const char *in, char out[SECRET_HASH_LEN])
{
	unsigned char	h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)in, strlen(in));
	sodium_bin2hex(out, SECRET_HASH_LEN, h, sizeof(h));
}

/* The caller wipes t->token (sodium_memzero) once it has been shown. */
void
secret_new_token(struct secret_token *t)
{
	secret_random(t->token, sizeof(t->token), SECRET_TOKEN_PREFIX);
	secret_sha256_hex(t->token, t->hash);
	(void)snprintf(t->prefix, sizeof(t->prefix), "%.10s", t->token);
}

/* Returns 0, or -1 when argon2id could not get its memory. */
int
secret_hash_password(const char *password, char out[SECRET_PWHASH_LEN])
{
	return (crypto_pwhash_str(out, password, strlen(password),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1);
}

/* 1 when password is UTF-8 of SECRET_PASSWORD_MIN to _MAX characters. */
int
secret_password_ok(const char *password)
{
	size_t	n;

	/* handoffctl reads bytes: a password no browser can send is no use. */
	if (!utf8_valid(password, strlen(password)))
		return (0);
	n = utf8_chars(password);
	return (n >= SECRET_PASSWORD_MIN && n <= SECRET_PASSWORD_MAX);
}
