#!/usr/bin/env python3
"""Validates SARIF logs against the vendored SARIF 2.1.0 JSON schema (draft 4).

usage: validate_sarif.py SCHEMA LOG...   exit 0 valid, 1 invalid, 77 no jsonschema module
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate_sarif.py: the Python module jsonschema is missing (Debian: python3-jsonschema)")
    sys.exit(77)

schema = json.load(open(sys.argv[1]))
jsonschema.Draft4Validator.check_schema(schema)
validator = jsonschema.Draft4Validator(schema)
invalid = 0
for path in sys.argv[2:]:
    errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
    for error in errors[:5]:
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    invalid += bool(errors)
    if not errors:
        print(f"{path}: valid SARIF 2.1.0")
sys.exit(1 if invalid else 0)
