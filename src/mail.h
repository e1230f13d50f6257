/*
 * mail: the outbox's email channel (outbox.c's table of senders).
 *
 * An email row of the outbox names its recipient (an address) and
 * carries {"subject", "text", "html" (optional), "to_name" (optional),
 * "unsubscribe" (optional, a one-click URL)}; the sender builds the
 * message (render_mail.c) and hands it to the SMTP server the operator
 * configured in the environment (README, Configuration):
 * HANDOFF_SMTP_HOST, HANDOFF_SMTP_PORT, HANDOFF_SMTP_SECURITY (starttls,
 * tls, or none for a server on the loopback), HANDOFF_SMTP_USER and
 * HANDOFF_SMTP_PASSWORD, HANDOFF_MAIL_FROM and HANDOFF_MAIL_FROM_NAME.
 */
#ifndef HANDOFF_MAIL_H
#define HANDOFF_MAIL_H

#include "outbox.h"

int	mail_prepare(struct outbox_msg *, const json_t *);

#endif
