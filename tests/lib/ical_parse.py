#!/usr/bin/python3
# Parse an iCalendar document from stdin with Debian's python3-icalendar
# and print what a calendar application would see, as JSON:
#   {"name": X-WR-CALNAME, "events": [{"uid", "summary", "description",
#    "start" (YYYY-MM-DD), "all_day", "end", "sequence", "url"}]}
# Used by tests/integration/exports.test.js; exits non-zero on a document
# the library refuses.
import datetime
import json
import sys

import icalendar

raw = sys.stdin.buffer.read()
cal = icalendar.Calendar.from_ical(raw.decode('utf-8'))
if cal.name != 'VCALENDAR':
    sys.exit('not a VCALENDAR: %s' % cal.name)
events = []
for ev in cal.walk('VEVENT'):
    start = ev.decoded('DTSTART')
    end = ev.decoded('DTEND')
    events.append({
        'uid': str(ev['UID']),
        'summary': str(ev['SUMMARY']),
        'description': str(ev.get('DESCRIPTION', '')),
        'start': start.isoformat(),
        'all_day': isinstance(start, datetime.date) and
        not isinstance(start, datetime.datetime),
        'end': end.isoformat(),
        'sequence': int(ev.get('SEQUENCE', 0)),
        'url': str(ev['URL']) if 'URL' in ev else None,
    })
print(json.dumps({'name': str(cal.get('X-WR-CALNAME', '')),
                  'version': str(cal['VERSION']), 'events': events}))
