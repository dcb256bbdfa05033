#!/usr/bin/env python3
"""Converts audit calls that name their type as a string literal to AuditType constants, using ENUM-MAP.txt.
Usage (from the repository root): python3 ENUM-MAP.py FILE..."""
import re, sys, os
here = os.path.dirname(os.path.abspath(__file__))
table = dict(re.findall(r'^"([a-z0-9_.]+)" -> AuditType\.([A-Z0-9_]+)$', open(os.path.join(here, 'ENUM-MAP.txt')).read(), re.M))
call = re.compile(r'(\baudit\w*\s*\.\s*(?:success|failure|failureInTransaction)\(\s*)"([a-z0-9_.]+)"')
for path in sys.argv[1:]:
    text = open(path).read()
    new = call.sub(lambda m: m.group(1) + 'AuditType.' + table[m.group(2)], text)
    if new != text:
        if 'package dev.signet.audit;' not in new and 'import dev.signet.audit.AuditType;' not in new:
            new = re.sub(r'(\nimport [^\n]+;)', r'\nimport dev.signet.audit.AuditType;\1', new, count=1)
        open(path, 'w').write(new)
        print('converted', path)
