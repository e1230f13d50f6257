/*
 * secret: random tokens, SHA-256, argon2id and the password rule, shared
 * by the server and handoffctl (see secret.h).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "secret.h"

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

/*
 * Code points in s, or -1 when s is not UTF-8: handoffctl reads bytes,
 * and a password a browser cannot send could never be used.
 */
long
secret_utf8_chars(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned int		 cp, min;
	long			 n;
	int			 k, more;

	for (n = 0; *p != '\0'; n++) {
		if (*p < 0x80) {
			p++;
			continue;
		} else if ((*p & 0xe0) == 0xc0) {
			more = 1;
			cp = *p & 0x1f;
			min = 0x80;
		} else if ((*p & 0xf0) == 0xe0) {
			more = 2;
			cp = *p & 0x0f;
			min = 0x800;
		} else if ((*p & 0xf8) == 0xf0) {
			more = 3;
			cp = *p & 0x07;
			min = 0x10000;
		} else {
			return (-1);
		}
		for (k = 1; k <= more; k++) {
			/* Also stops at the NUL: it is no continuation. */
			if ((p[k] & 0xc0) != 0x80)
				return (-1);
			cp = (cp << 6) | (p[k] & 0x3f);
		}
		/* Overlong forms, surrogates, beyond Unicode. */
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 &&
		    cp <= 0xdfff))
			return (-1);
		p += more + 1;
	}
	return (n);
}

/* 1 when password is UTF-8 of SECRET_PASSWORD_MIN to _MAX characters. */
int
secret_password_ok(const char *password)
{
	long	n;

	n = secret_utf8_chars(password);
	return (n >= SECRET_PASSWORD_MIN && n <= SECRET_PASSWORD_MAX);
}
