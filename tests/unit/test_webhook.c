/*
 * Unit tests: the URLs and addresses the outbox may send to, the Standard
 * Webhooks signature and the chat text of an event (webhook.c).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sodium.h>

#include "webhook.h"

/* Refused, with or without the loopback allowed. */
static const char *const never[] = {
	"https://169.254.169.254/latest/meta-data",
	"https://10.0.0.1/hook",
	"https://10.255.255.255:8443/hook",
	"https://172.16.0.1/", "https://172.31.255.1/",
	"https://192.168.0.1/", "https://100.64.0.1/",
	"https://0.0.0.0/", "https://224.0.0.1/", "https://255.255.255.255/",
	"https://[fd00::1]/", "https://[fe80::1]/", "https://[::]/",
	"https://[::ffff:169.254.169.254]/", "https://[::ffff:10.0.0.1]/",
	"https://[64:ff9b::a00:1]/",
	"https://2852039166/",		/* 169.254.169.254 as one number */
	"https://0xa9.254.169.254/", "https://10.1/",
	"http://example.com/hook", "ftp://example.com/", "example.com",
	"https://user:pw@example.com/", "https://example.com@10.0.0.1/",
	"https:///x", "https://exa mple.com/", "https://example.com:0/",
	"https://example.com:99999/", "https://example.com:/",
	"https://ex_ample.com/", "https://example.com\r\nX: y/",
	"http://10.0.0.1/", NULL
};

static void
test_urls(void **state)
{
	char	why[160];
	size_t	i;

	(void)state;
	for (i = 0; never[i] != NULL; i++) {
		assert_int_equal(webhook_url_check(never[i], 0, why,
		    sizeof(why)), -1);
		assert_int_equal(webhook_url_check(never[i], 1, why,
		    sizeof(why)), -1);
		assert_true(why[0] != '\0');
	}
	assert_int_equal(webhook_url_check("https://hooks.example.com/T0/B1",
	    0, why, sizeof(why)), 0);
	assert_int_equal(webhook_url_check("https://example.com:8443/x?y=1",
	    0, why, sizeof(why)), 0);
	assert_int_equal(webhook_url_check("https://93.184.216.34/x", 0, why,
	    sizeof(why)), 0);
	assert_int_equal(webhook_url_check("HTTPS://Example.COM", 0, why,
	    sizeof(why)), 0);
	/* The loopback: only when allowed, and then over http too. */
	assert_int_equal(webhook_url_check("http://127.0.0.1:8080/h", 0, why,
	    sizeof(why)), -1);
	assert_non_null(strstr(why, "loopback"));
	assert_int_equal(webhook_url_check("https://localhost/h", 0, why,
	    sizeof(why)), -1);
	assert_int_equal(webhook_url_check("https://[::1]/h", 0, why,
	    sizeof(why)), -1);
	assert_int_equal(webhook_url_check("http://127.0.0.1:8080/h", 1, why,
	    sizeof(why)), 0);
	assert_int_equal(webhook_url_check("http://localhost:8080/h", 1, why,
	    sizeof(why)), 0);
	assert_int_equal(webhook_url_check("http://[::1]:8080/h", 1, why,
	    sizeof(why)), 0);
	assert_int_equal(webhook_url_check("https://127.1/h", 1, why,
	    sizeof(why)), 0);
	assert_int_equal(webhook_url_check(NULL, 1, why, sizeof(why)), -1);
}

static int
v4(const char *s)
{
	struct sockaddr_in	a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	assert_int_equal(inet_pton(AF_INET, s, &a.sin_addr), 1);
	return (webhook_addr_internal((struct sockaddr *)&a));
}

static int
v6(const char *s)
{
	struct sockaddr_in6	a;

	memset(&a, 0, sizeof(a));
	a.sin6_family = AF_INET6;
	assert_int_equal(inet_pton(AF_INET6, s, &a.sin6_addr), 1);
	return (webhook_addr_internal((struct sockaddr *)&a));
}

/* What a sender checks as it connects: 0 public, 1 loopback, 2 else. */
static void
test_addresses(void **state)
{
	(void)state;
	assert_int_equal(v4("93.184.216.34"), 0);
	assert_int_equal(v4("8.8.8.8"), 0);
	assert_int_equal(v4("172.32.0.1"), 0);
	assert_int_equal(v4("127.0.0.1"), 1);
	assert_int_equal(v4("127.8.9.10"), 1);
	assert_int_equal(v4("169.254.169.254"), 2);
	assert_int_equal(v4("10.0.0.1"), 2);
	assert_int_equal(v4("172.16.5.4"), 2);
	assert_int_equal(v4("192.168.1.1"), 2);
	assert_int_equal(v4("100.100.100.200"), 2);
	assert_int_equal(v4("0.0.0.0"), 2);
	assert_int_equal(v4("239.1.1.1"), 2);
	assert_int_equal(v6("2606:4700::1111"), 0);
	assert_int_equal(v6("::1"), 1);
	assert_int_equal(v6("::"), 2);
	assert_int_equal(v6("fe80::1"), 2);
	assert_int_equal(v6("fd12:3456::1"), 2);
	assert_int_equal(v6("ff02::1"), 2);
	assert_int_equal(v6("::ffff:127.0.0.1"), 1);
	assert_int_equal(v6("::ffff:169.254.169.254"), 2);
	assert_int_equal(v6("::ffff:93.184.216.34"), 0);
	assert_int_equal(v6("64:ff9b::a9fe:a9fe"), 2);
	assert_int_equal(webhook_addr_internal(NULL), 2);
}

/* The example of the Standard Webhooks specification. */
static void
test_sign(void **state)
{
	const char	*body = "{\"test\": 2432232314}";
	char		 sig[WEBHOOK_SIGNATURE_LEN];
	char		 secret[WEBHOOK_SECRET_LEN], other[WEBHOOK_SECRET_LEN];

	(void)state;
	assert_int_equal(webhook_sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
	    "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body, strlen(body),
	    sig), 0);
	assert_string_equal(sig,
	    "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	assert_int_equal(webhook_sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
	    "msg_1", 1, body, strlen(body), sig), -1);
	assert_int_equal(webhook_sign("whsec_!!!", "msg_1", 1, body,
	    strlen(body), sig), -1);
	assert_int_equal(webhook_sign("whsec_", "msg_1", 1, body,
	    strlen(body), sig), -1);
	assert_int_equal(webhook_sign(NULL, "msg_1", 1, body, strlen(body),
	    sig), -1);

	webhook_secret_new(secret);
	webhook_secret_new(other);
	assert_int_equal(strlen(secret), 6 + 44);
	assert_int_equal(strncmp(secret, "whsec_", 6), 0);
	assert_string_not_equal(secret, other);
	assert_int_equal(webhook_sign(secret, "msg_1", 1, body, strlen(body),
	    sig), 0);
}

static char *
chat(const char *json, const char *base)
{
	json_t	*doc = json_loads(json, 0, NULL);
	char	*text;

	assert_non_null(doc);
	text = webhook_chat_text(doc, base);
	json_decref(doc);
	return (text);
}

static void
test_chat(void **state)
{
	char	*t;

	(void)state;
	t = chat("{\"type\": \"risk.opened\", \"data\": {\"project\": "
	    "{\"id\": 7, \"name\": \"Churn <v2> & co\"}, \"risk\": {\"kind\": "
	    "\"empty_owner\", \"subject\": \"model_serving/mle\", "
	    "\"severity\": \"high\"}}}", "https://handoff.example.com");
	assert_string_equal(t, "New high risk: empty owner, model_serving/mle"
	    " \u00b7 <https://handoff.example.com/projects/7|Churn &lt;v2&gt; "
	    "&amp; co>");
	free(t);
	t = chat("{\"type\": \"risk.severity_changed\", \"data\": {\"project\":"
	    " {\"id\": 7, \"name\": \"Churn\"}, \"risk\": {\"kind\": "
	    "\"missed_checkpoint\", \"subject\": \"12\", \"severity\": "
	    "\"critical\", \"previous_severity\": \"high\"}}}", NULL);
	assert_string_equal(t, "Changed critical risk (was high): missed "
	    "checkpoint, 12 \u00b7 Churn");
	free(t);
	t = chat("{\"type\": \"digest.weekly\", \"data\": {\"chat\": "
	    "\"*Risk digest*\"}}", NULL);
	assert_string_equal(t, "*Risk digest*");
	free(t);
	assert_null(chat("{\"type\": \"digest.weekly\", \"data\": {}}", NULL));
	assert_null(chat("{\"data\": {}}", NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_sign),
		cmocka_unit_test(test_chat),
	};

	if (sodium_init() < 0)
		return (1);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
