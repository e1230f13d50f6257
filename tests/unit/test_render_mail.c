/* Unit tests: render_mail (the MIME message of the digest and reminders). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "render_mail.h"
#include "utf8.h"

/* What the writer appended, NUL-terminated, for the caller to free(). */
static char *
finish(struct sbuf *b)
{
	assert_false(sbuf_failed(b));
	sbuf_char(b, '\0');
	return (sbuf_steal(b, NULL));
}

static char *
b64(const char *s)
{
	struct sbuf	b;

	sbuf_init(&b);
	mail_base64(&b, s, strlen(s));
	return (finish(&b));
}

static char *
qp(const char *s)
{
	struct sbuf	b;

	sbuf_init(&b);
	mail_qp(&b, s);
	return (finish(&b));
}

static char *
htext(const char *s, size_t used, int quote)
{
	struct sbuf	b;

	sbuf_init(&b);
	mail_header_text(&b, s, used, quote);
	return (finish(&b));
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	fail_msg("not an upper-case hex digit: %c", c);
	return (0);
}

/*
 * A reader's decoding of quoted-printable (RFC 2045 6.7), strict: every
 * physical line at most 76 octets ending in CRLF, "=" followed by two
 * upper-case hex digits or the line end, no "." at a line's start.
 */
static char *
qp_decode(const char *s)
{
	struct sbuf	 b;
	const char	*line, *end;

	sbuf_init(&b);
	for (line = s; *line != '\0'; line = end + 2) {
		end = strstr(line, "\r\n");
		assert_non_null(end);
		assert_true(end - line <= MAIL_QP_LINE);
		assert_true(*line != '.');
		assert_null(memchr(line, '\n', (size_t)(end - line)));
		assert_null(memchr(line, '\r', (size_t)(end - line)));
		for (const char *p = line; p < end; p++) {
			if (*p != '=') {
				sbuf_char(&b, *p);
				continue;
			}
			if (p + 1 == end)
				goto soft;
			assert_true(p + 2 < end);
			sbuf_char(&b, (char)(hexval(p[1]) << 4 |
			    hexval(p[2])));
			p += 2;
		}
		sbuf_str(&b, "\n");
soft:
		;
	}
	return (finish(&b));
}

static void
test_base64(void **state)
{
	static const char *const cases[][2] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" },
		{ "foo", "Zm9v" }, { "foob", "Zm9vYg==" },
		{ "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
		{ "R\xc3\xa9sum\xc3\xa9", "UsOpc3Vtw6k=" },
	};
	size_t	i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = b64(cases[i][0]);
		assert_string_equal(s, cases[i][1]);
		free(s);
	}
}

static void
test_qp_escapes(void **state)
{
	static const char *const cases[][2] = {
		{ "a=b", "a=3Db\r\n" },
		{ "trailing \nspace\t\r\nend", "trailing=20\r\nspace=09\r\n"
		    "end\r\n" },
		{ "lone\rcr\n", "lone\r\ncr\r\n" },
		{ ".\n..dot", "=2E\r\n=2E.dot\r\n" },
		{ "From me\nFrom\nnot From x", "=46rom me\r\nFrom\r\n"
		    "not From x\r\n" },
		{ "Donn\xc3\xa9" "es", "Donn=C3=A9es\r\n" },
		{ "tab\there\x01", "tab\there=01\r\n" },
		{ "", "" },
		{ "two\n\nlines\n", "two\r\n\r\nlines\r\n" },
	};
	size_t	i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = qp(cases[i][0]);
		assert_string_equal(s, cases[i][1]);
		free(s);
	}
}

/* Long lines are cut by soft breaks, never inside an =XX, and decode back. */
static void
check_qp_roundtrip(const char *text, const char *expect)
{
	char	*enc, *dec;

	enc = qp(text);
	dec = qp_decode(enc);
	assert_string_equal(dec, expect);
	free(enc);
	free(dec);
}

static void
test_qp_long_lines(void **state)
{
	char	 text[1200], expect[1210];
	size_t	 i, n;

	(void)state;
	/* 200 plain octets, then 150 two-octet characters, "." at cuts. */
	n = 0;
	for (i = 0; i < 200; i++)
		text[n++] = (i % 75 == 74) ? '.' : 'a';
	for (i = 0; i < 150; i++) {
		text[n++] = '\xc3';
		text[n++] = '\xa9';
	}
	text[n++] = ' ';
	text[n] = '\0';
	memcpy(expect, text, n);
	expect[n] = '\n';
	expect[n + 1] = '\0';
	check_qp_roundtrip(text, expect);

	/* Widths around the limit: every length from 70 to 80, with "=". */
	for (n = 70; n <= 80; n++) {
		memset(text, 'x', n);
		text[n - 1] = '=';
		text[n] = '\0';
		memcpy(expect, text, n);
		expect[n] = '\n';
		expect[n + 1] = '\0';
		check_qp_roundtrip(text, expect);
	}
}

static void
test_header_text_plain(void **state)
{
	char	*s;

	(void)state;
	s = htext("handoff weekly digest", 9, 0);
	assert_string_equal(s, "handoff weekly digest");
	free(s);
	/* A display name with specials is a quoted-string. */
	s = htext("Doe, \"Jane\" \\ J.", 6, 1);
	assert_string_equal(s, "\"Doe, \\\"Jane\\\" \\\\ J.\"");
	free(s);
	/* A subject may hold them as they are. */
	s = htext("Risks: 3, new: 1", 9, 0);
	assert_string_equal(s, "Risks: 3, new: 1");
	free(s);
}

static void
test_header_text_encoded(void **state)
{
	char	*s;

	(void)state;
	s = htext("R\xc3\xa9sum\xc3\xa9", 9, 0);
	assert_string_equal(s, "=?UTF-8?B?UsOpc3Vtw6k=?=");
	free(s);
	/* "=?" written as is would be read as an encoded-word. */
	s = htext("a =?x?= b", 9, 0);
	assert_string_equal(s, "=?UTF-8?B?YSA9P3g/PSBi?=");
	free(s);
	/* A line break in a name cannot start a header: it is a space. */
	s = htext("Eve\r\nBcc: x@y", 4, 1);
	assert_string_equal(s, "=?UTF-8?B?RXZlICBCY2M6IHhAeQ==?=");
	free(s);
	s = htext("", 9, 0);
	assert_string_equal(s, "");
	free(s);
}

static char *
b64_decode_word(const char *w, size_t len)
{
	static const char	alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	struct sbuf		 b;
	unsigned long		 v;
	size_t			 i, k, pad;
	const char		*c;

	assert_int_equal(len % 4, 0);
	sbuf_init(&b);
	for (i = 0; i < len; i += 4) {
		v = 0;
		pad = 0;
		for (k = 0; k < 4; k++) {
			v <<= 6;
			if (w[i + k] == '=') {
				pad++;
				continue;
			}
			c = strchr(alpha, w[i + k]);
			assert_non_null(c);
			v |= (unsigned long)(c - alpha);
		}
		sbuf_char(&b, (char)(v >> 16));
		if (pad < 2)
			sbuf_char(&b, (char)(v >> 8 & 0xff));
		if (pad < 1)
			sbuf_char(&b, (char)(v & 0xff));
	}
	return (finish(&b));
}

/*
 * A long non-ASCII subject: words of at most 75 octets, lines of at most
 * 76 with the header's name, each word whole UTF-8, together the text.
 */
static void
test_header_text_long(void **state)
{
	struct sbuf	 all;
	char		 subject[400], *s, *dec, *joined;
	const char	*p, *end, *q;
	size_t		 i, n, line;

	(void)state;
	n = 0;
	for (i = 0; i < 60; i++) {
		/* A euro sign, an e acute, a z. */
		memcpy(subject + n, "\xe2\x82\xac\xc3\xa9z", 6);
		n += 6;
	}
	subject[n] = '\0';
	s = htext(subject, 9, 0);
	sbuf_init(&all);
	line = 9;
	for (p = s; *p != '\0'; p = end) {
		if (strncmp(p, "\r\n ", 3) == 0) {
			p += 3;
			line = 1;
		}
		assert_int_equal(strncmp(p, "=?UTF-8?B?", 10), 0);
		q = strstr(p + 10, "?=");
		assert_non_null(q);
		end = q + 2;
		assert_true(end - p <= 75);
		line += (size_t)(end - p);
		assert_true(line <= 76);
		dec = b64_decode_word(p + 10, (size_t)(q - p - 10));
		assert_true(utf8_valid(dec, strlen(dec)));
		sbuf_str(&all, dec);
		free(dec);
	}
	joined = finish(&all);
	assert_string_equal(joined, subject);
	free(joined);
	free(s);
}

static void
test_addr_valid(void **state)
{
	(void)state;
	assert_true(mail_addr_valid("ada@example.org"));
	assert_true(mail_addr_valid("a.b+tag@mail.example.org"));
	assert_false(mail_addr_valid(NULL));
	assert_false(mail_addr_valid(""));
	assert_false(mail_addr_valid("ada"));
	assert_false(mail_addr_valid("@example.org"));
	assert_false(mail_addr_valid("ada@"));
	assert_false(mail_addr_valid("a@b@c"));
	assert_false(mail_addr_valid("ada@example.org\r\nBcc: x@y"));
	assert_false(mail_addr_valid("ada lovelace@example.org"));
	assert_false(mail_addr_valid("<ada@example.org>"));
	assert_false(mail_addr_valid("ada@example.org,eve@example.org"));
	assert_false(mail_addr_valid("ad\xc3\xa9@example.org"));
}

static void
test_date(void **state)
{
	struct sbuf	 b;
	char		*s;

	(void)state;
	sbuf_init(&b);
	mail_date(&b, 0);
	s = finish(&b);
	assert_string_equal(s, "Thu, 01 Jan 1970 00:00:00 +0000");
	free(s);
	sbuf_init(&b);
	mail_date(&b, 1796634000);
	s = finish(&b);
	assert_string_equal(s, "Mon, 07 Dec 2026 09:00:00 +0000");
	free(s);
}

static struct mail_msg
sample(void)
{
	struct mail_msg	m;

	memset(&m, 0, sizeof(m));
	m.from_name = "handoff";
	m.from_addr = "handoff@example.org";
	m.to_name = "Ren\xc3\xa9" "e Dupont";
	m.to_addr = "renee@example.org";
	m.subject = "Weekly digest \xe2\x80\x94 2026-W50";
	m.date = 1796634000;
	m.message_id = "digest-2026-W50-3@handoff";
	m.boundary = "=_handoff_7f3a";
	m.unsubscribe = "https://handoff.example.org/unsubscribe/tok.abc";
	m.text = "# Digest\n\n- 2 new risks\n.\n";
	m.html = "<!doctype html><p style=\"color:#333\">2 new risks</p>";
	return (m);
}

/* Every line of the whole message ends in CRLF, none longer than 998. */
static void
check_lines(const char *s)
{
	const char	*p, *end;

	for (p = s; *p != '\0'; p = end + 2) {
		end = strstr(p, "\r\n");
		assert_non_null(end);
		assert_null(memchr(p, '\n', (size_t)(end - p)));
		assert_true(end - p <= 998);
	}
}

static void
test_render_alternative(void **state)
{
	struct mail_msg	 m;
	struct sbuf	 b;
	char		*s;

	(void)state;
	m = sample();
	sbuf_init(&b);
	assert_int_equal(mail_render(&b, &m), 0);
	s = finish(&b);
	check_lines(s);
	assert_string_equal(s,
	    "From: handoff <handoff@example.org>\r\n"
	    "To: =?UTF-8?B?UmVuw6llIER1cG9udA==?= <renee@example.org>\r\n"
	    "Subject: =?UTF-8?B?V2Vla2x5IGRpZ2VzdCDigJQgMjAyNi1XNTA=?=\r\n"
	    "Date: Mon, 07 Dec 2026 09:00:00 +0000\r\n"
	    "Message-ID: <digest-2026-W50-3@handoff>\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Auto-Submitted: auto-generated\r\n"
	    "List-Unsubscribe: "
	    "<https://handoff.example.org/unsubscribe/tok.abc>\r\n"
	    "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
	    "Content-Type: multipart/alternative;\r\n"
	    " boundary=\"=_handoff_7f3a\"\r\n"
	    "\r\n"
	    "--=_handoff_7f3a\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "\r\n"
	    "# Digest\r\n\r\n- 2 new risks\r\n=2E\r\n"
	    "--=_handoff_7f3a\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "\r\n"
	    "<!doctype html><p style=3D\"color:#333\">2 new risks</p>\r\n"
	    "--=_handoff_7f3a--\r\n");
	free(s);
}

static void
test_render_text_only(void **state)
{
	struct mail_msg	 m;
	struct sbuf	 b;
	char		*s;

	(void)state;
	m = sample();
	m.html = NULL;
	m.unsubscribe = NULL;
	m.to_name = NULL;
	m.text = "Checkpoint due in 2 days";
	sbuf_init(&b);
	assert_int_equal(mail_render(&b, &m), 0);
	s = finish(&b);
	check_lines(s);
	assert_non_null(strstr(s, "\r\nTo: renee@example.org\r\n"));
	assert_null(strstr(s, "List-Unsubscribe"));
	assert_null(strstr(s, "multipart"));
	assert_non_null(strstr(s,
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
	    "Checkpoint due in 2 days\r\n"));
	free(s);
}

/* A value that would write a header of its own is refused, nothing kept. */
static void
test_render_refuses(void **state)
{
	struct mail_msg	 m;
	struct sbuf	 b;

	(void)state;
	sbuf_init(&b);

	m = sample();
	m.to_addr = "renee@example.org\r\nBcc: eve@example.org";
	assert_int_equal(mail_render(&b, &m), -1);
	m = sample();
	m.from_addr = "handoff";
	assert_int_equal(mail_render(&b, &m), -1);
	m = sample();
	m.message_id = "a>\r\nX: y";
	assert_int_equal(mail_render(&b, &m), -1);
	m = sample();
	m.boundary = "handoff";
	assert_int_equal(mail_render(&b, &m), -1);
	m = sample();
	m.boundary = "=_a\"b";
	assert_int_equal(mail_render(&b, &m), -1);
	m = sample();
	m.unsubscribe = "https://x/\r\nBcc: eve@example.org";
	assert_int_equal(mail_render(&b, &m), -1);
	m = sample();
	m.unsubscribe = "javascript:alert(1)";
	assert_int_equal(mail_render(&b, &m), -1);
	m = sample();
	m.unsubscribe = "https://x/a>,<mailto:eve@example.org";
	assert_int_equal(mail_render(&b, &m), -1);

	assert_int_equal(b.len, 0);
	sbuf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_qp_escapes),
		cmocka_unit_test(test_qp_long_lines),
		cmocka_unit_test(test_header_text_plain),
		cmocka_unit_test(test_header_text_encoded),
		cmocka_unit_test(test_header_text_long),
		cmocka_unit_test(test_addr_valid),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_render_alternative),
		cmocka_unit_test(test_render_text_only),
		cmocka_unit_test(test_render_refuses),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
