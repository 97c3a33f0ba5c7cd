#!/usr/bin/env python3
"""Checks ECS documents (one JSON object per line on stdin) against ECS's field definitions.

usage: validate.py ECS_FLAT_YML [CUSTOM_PREFIX ...]

ECS_FLAT_YML is ECS's generated `ecs_flat.yml` (every field keyed by its dotted name, with `type`,
`normalize`, `allowed_values`). The ECS version the documents must carry in `ecs.version` is read from
the README.md beside it ("version X.Y.Z[-dev]"). CUSTOM_PREFIX names the custom objects documents may
use (default: tlsprint); fields under them are not looked up in ECS.

Writes one JSON line per document: {"errors": [...]} (empty when the document is valid). Exit status:
0 when every document is valid, 1 when one is not, 2 on a usage or input error.

What is checked, per document:
- it is a JSON object (strict: no NaN/Infinity, no repeated key in an object), written nested: no key
  contains a dot (except ECS's own `@timestamp`);
- every leaf field is an ECS field or lies under a custom prefix, and no custom prefix is itself an ECS
  field set;
- the value's JSON type fits the ECS type: keyword, constant_keyword, wildcard, match_only_text, text
  take strings; ip a valid IPv4 or IPv6 address string; long, integer, short, byte, unsigned_long an
  integer in range (not a boolean); float, double, half_float, scaled_float a number; date an RFC 3339
  date-time; boolean a boolean. Object-like types (object, flattened, nested, geo_point) are refused as
  leaves: tlsprint writes none of them;
- arrays exactly where ECS normalizes the field to an array (`normalize: [array]`), and a field ECS
  expects as an array is one;
- `allowed_values` are respected, and every `event.type` is one that each `event.category` of the
  document expects (`expected_event_types`);
- the required fields are present, and `ecs.version` is the version of the given definitions.
"""

import datetime
import ipaddress
import json
import os
import re
import sys

import yaml

STRING_TYPES = {"keyword", "constant_keyword", "wildcard", "match_only_text", "text"}
INTEGER_RANGES = {
    "long": (-(2**63), 2**63 - 1),
    "integer": (-(2**31), 2**31 - 1),
    "short": (-(2**15), 2**15 - 1),
    "byte": (-(2**7), 2**7 - 1),
    "unsigned_long": (0, 2**64 - 1),
}
FLOAT_TYPES = {"float", "double", "half_float", "scaled_float"}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")


def load_definitions(path):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        fields = yaml.load(handle, Loader=loader)
    readme = os.path.join(os.path.dirname(os.path.abspath(path)), "README.md")
    version = None
    if os.path.exists(readme):
        with open(readme, encoding="utf-8") as handle:
            match = re.search(r"version\s+(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)", handle.read())
            if match:
                version = match.group(1)
    return fields, version


def reject_constant(name):
    raise ValueError("not a JSON number: " + name)


def unique_object(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError("repeated key " + json.dumps(key))
        result[key] = value
    return result


def flatten(value, prefix, out, errors):
    """Leaf fields as (dotted name, value); lists of objects only as values of custom fields."""
    for key, member in value.items():
        if "." in key and key != "@timestamp":
            errors.append("dotted key %s: ECS documents are written nested" % json.dumps(key))
        name = prefix + key
        if isinstance(member, dict):
            if not member:
                errors.append("%s: empty object" % name)
            flatten(member, name + ".", out, errors)
        else:
            out.append((name, member))


def date_error(text):
    if not isinstance(text, str) or not RFC3339.match(text):
        return "not an RFC 3339 date-time"
    # fromisoformat takes at most six fraction digits and, before Python 3.11, no "Z".
    normalized = re.sub(r"\.(\d{1,6})\d*", r".\1", text).replace("Z", "+00:00")
    try:
        datetime.datetime.fromisoformat(normalized)
    except ValueError as error:
        return "not a valid date: %s" % error
    return None


def type_error(kind, value):
    """Why `value` (one element) cannot be a value of ECS type `kind`, or None."""
    if isinstance(value, (dict, list)):
        return "a %s value cannot be a JSON %s" % (kind, type(value).__name__)
    if kind in STRING_TYPES:
        return None if isinstance(value, str) else "type %s wants a string" % kind
    if kind == "ip":
        if not isinstance(value, str):
            return "type ip wants an address string"
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return "not an IP address: %s" % json.dumps(value)
        return None
    if kind in INTEGER_RANGES:
        if isinstance(value, bool) or not isinstance(value, int):
            return "type %s wants an integer" % kind
        low, high = INTEGER_RANGES[kind]
        return None if low <= value <= high else "%d out of range for %s" % (value, kind)
    if kind in FLOAT_TYPES:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if ok else "type %s wants a number" % kind
    if kind == "date":
        return date_error(value)
    if kind == "boolean":
        return None if isinstance(value, bool) else "type boolean wants true or false"
    return "type %s is not a leaf tlsprint writes" % kind


def check_field(name, value, definition, errors):
    kind = definition["type"]
    wants_array = "array" in (definition.get("normalize") or [])
    if isinstance(value, list):
        if not wants_array:
            errors.append("%s: ECS does not normalize this field to an array" % name)
        elements = value
    else:
        if wants_array:
            errors.append("%s: ECS normalizes this field to an array" % name)
        elements = [value]
    allowed = [entry["name"] for entry in definition.get("allowed_values") or []]
    for element in elements:
        problem = type_error(kind, element)
        if problem:
            errors.append("%s: %s" % (name, problem))
        elif allowed and element not in allowed:
            errors.append("%s: %s is not one of ECS's allowed values" % (name, json.dumps(element)))


def check_event_types(leaves, fields, errors):
    categories = leaves.get("event.category")
    types = leaves.get("event.type")
    if not isinstance(categories, list) or not isinstance(types, list):
        return
    expected = {entry["name"]: entry.get("expected_event_types")
                for entry in fields["event.category"].get("allowed_values") or []}
    for category in categories:
        wanted = expected.get(category)
        if wanted is None:
            continue
        for event_type in types:
            if event_type not in wanted:
                errors.append("event.type %s is not expected with event.category %s (ECS expects %s)"
                              % (json.dumps(event_type), json.dumps(category), ", ".join(wanted)))


def validate(line, fields, version, prefixes):
    errors = []
    try:
        document = json.loads(line, object_pairs_hook=unique_object, parse_constant=reject_constant)
    except ValueError as error:
        return ["not strict JSON: %s" % error]
    if not isinstance(document, dict):
        return ["not a JSON object"]
    pairs = []
    flatten(document, "", pairs, errors)
    leaves = dict(pairs)
    for name, value in pairs:
        if any(name.startswith(prefix + ".") for prefix in prefixes):
            continue
        definition = fields.get(name)
        if definition is None:
            errors.append("%s: not an ECS field and not under %s" % (name, ", ".join(p + "." for p in prefixes)))
            continue
        check_field(name, value, definition, errors)
    for name, definition in fields.items():
        if definition.get("required") and name not in leaves:
            errors.append("%s: required by ECS, missing" % name)
    if version is not None and "ecs.version" in leaves and leaves["ecs.version"] != version:
        errors.append("ecs.version %s: the definitions are version %s" % (json.dumps(leaves["ecs.version"]), version))
    check_event_types(leaves, fields, errors)
    return errors


def main(arguments):
    if len(arguments) < 1:
        sys.stderr.write(__doc__)
        return 2
    fields, version = load_definitions(arguments[0])
    prefixes = arguments[1:] or ["tlsprint"]
    for prefix in prefixes:
        clashes = [name for name in fields if name == prefix or name.startswith(prefix + ".")]
        if clashes:
            sys.stderr.write("custom prefix %s is an ECS field set (%s)\n" % (prefix, clashes[0]))
            return 2
    status = 0
    for raw in sys.stdin.buffer.read().split(b"\n"):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            errors = ["not UTF-8: %s" % error]
        else:
            errors = validate(line, fields, version, prefixes)
        if errors:
            status = 1
        sys.stdout.write(json.dumps({"errors": errors}) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
