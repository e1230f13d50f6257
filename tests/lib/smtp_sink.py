#!/usr/bin/python3
# smtp_sink.py DIR: an SMTP server on 127.0.0.1 (Debian's python3-aiosmtpd)
# that writes each message it accepts to DIR/NNNN.eml, exactly as received,
# with the envelope beside it in DIR/NNNN.json ({"from", "to"}).  Prints
# the port it listens on, then serves until it is killed.  Used by
# tests/integration/mail.test.js.
import asyncio
import json
import os
import socket
import sys

from aiosmtpd.controller import Controller

out = sys.argv[1]


class Sink:
    def __init__(self):
        self.n = 0

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        base = os.path.join(out, '%04d' % self.n)
        with open(base + '.tmp', 'wb') as f:
            f.write(envelope.original_content)
        with open(base + '.json', 'w') as f:
            json.dump({'from': envelope.mail_from,
                       'to': envelope.rcpt_tos}, f)
        # The message appears whole or not at all.
        os.rename(base + '.tmp', base + '.eml')
        return '250 OK'


s = socket.socket()
s.bind(('127.0.0.1', 0))
port = s.getsockname()[1]
s.close()
controller = Controller(Sink(), hostname='127.0.0.1', port=port)
controller.start()
print(port, flush=True)
try:
    asyncio.get_event_loop().run_forever()
finally:
    controller.stop()
