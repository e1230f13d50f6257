#!/usr/bin/python3
# Parse an email message from stdin with Python's email package (a real
# MIME parser, strict policy) and print what a mail client would see, as
# JSON: {"from", "to", "subject", "message_id", "date", "headers"
# (every header, decoded), "content_type", "parts": [{"type", "charset",
# "cte", "body" (decoded text)}], "defects"}.  Used by
# tests/integration/mail.test.js; exits non-zero on a message it refuses.
import email
import email.policy
import json
import sys

raw = sys.stdin.buffer.read()
msg = email.message_from_bytes(raw, policy=email.policy.strict)
parts = []
defects = [str(d) for d in msg.defects]
for part in msg.walk():
    if part.is_multipart():
        continue
    defects += [str(d) for d in part.defects]
    parts.append({'type': part.get_content_type(),
                  'charset': part.get_content_charset(),
                  'cte': part.get('Content-Transfer-Encoding'),
                  'body': part.get_content()})
print(json.dumps({
    'from': str(msg['From']),
    'to': str(msg['To']),
    'subject': str(msg['Subject']),
    'message_id': str(msg['Message-ID']),
    'date': str(msg['Date']),
    'headers': {k: str(v) for k, v in msg.items()},
    'content_type': msg.get_content_type(),
    'parts': parts,
    'defects': defects,
}))
