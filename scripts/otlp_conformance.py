#!/usr/bin/env python3
"""Decodes OTLP requests written by the Swift encoder with the official opentelemetry-proto bindings.

Usage: python3 scripts/otlp_conformance.py DIR

DIR holds (written by the Swift test `OTLPConformanceTests`):
  request.pb     a binary ExportTraceServiceRequest
  request.json   the same spans as OTLP/JSON
  expected.json  a neutral description of the spans the Swift test encoded (format: `describe` below)

Checks:
  1. request.pb parses with `trace_service_pb2.ExportTraceServiceRequest` and describes as expected.json.
  2. The official serializer re-encodes the parsed message to exactly the bytes of request.pb.
  3. request.json follows OTLP/JSON (lowercase hex ids, integer enums, 64-bit integers as strings),
     parses with `google.protobuf.json_format` (ids turned into base64 first, as OTLP/JSON is not
     plain proto3 JSON there; unknown fields rejected) and describes as expected.json.
Prints one line per passed check; exits 1 with a unified diff on any mismatch, 2 when the
bindings are missing (`make pydeps`).
"""
import base64
import difflib
import json
import os
import struct
import sys

try:
    from google.protobuf import json_format
    from opentelemetry.proto.collector.trace.v1 import trace_service_pb2
except ImportError as error:  # pragma: no cover
    print(f"opentelemetry-proto is not importable ({error}): run `make pydeps`", file=sys.stderr)
    sys.exit(2)


def double_bits(value):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", value))[0]


def describe_any(value):
    which = value.WhichOneof("value")
    if which is None:
        return {}
    if which == "string_value":
        return {"string": value.string_value}
    if which == "bool_value":
        return {"bool": value.bool_value}
    if which == "int_value":
        return {"int": value.int_value}
    if which == "double_value":
        return {"double": double_bits(value.double_value)}
    if which == "bytes_value":
        return {"bytes": value.bytes_value.hex()}
    if which == "array_value":
        return {"array": [describe_any(v) for v in value.array_value.values]}
    if which == "kvlist_value":
        return {"kvlist": describe_attributes(value.kvlist_value.values)}
    return {which: "unsupported"}


def describe_attributes(pairs):
    return [{"key": kv.key, "value": describe_any(kv.value)} for kv in pairs]


def describe(request):
    """The neutral description the Swift test writes as expected.json, every field explicit."""
    return {"resourceSpans": [
        {
            "resource": {
                "attributes": describe_attributes(rs.resource.attributes),
                "droppedAttributesCount": rs.resource.dropped_attributes_count,
            } if rs.HasField("resource") else None,
            "schemaUrl": rs.schema_url,
            "scopeSpans": [
                {
                    "scope": {
                        "name": ss.scope.name,
                        "version": ss.scope.version,
                        "attributes": describe_attributes(ss.scope.attributes),
                        "droppedAttributesCount": ss.scope.dropped_attributes_count,
                    } if ss.HasField("scope") else None,
                    "schemaUrl": ss.schema_url,
                    "spans": [
                        {
                            "traceId": s.trace_id.hex(),
                            "spanId": s.span_id.hex(),
                            "traceState": s.trace_state,
                            "parentSpanId": s.parent_span_id.hex(),
                            "flags": s.flags,
                            "name": s.name,
                            "kind": s.kind,
                            "startTimeUnixNano": s.start_time_unix_nano,
                            "endTimeUnixNano": s.end_time_unix_nano,
                            "attributes": describe_attributes(s.attributes),
                            "droppedAttributesCount": s.dropped_attributes_count,
                            "events": [
                                {
                                    "timeUnixNano": e.time_unix_nano,
                                    "name": e.name,
                                    "attributes": describe_attributes(e.attributes),
                                    "droppedAttributesCount": e.dropped_attributes_count,
                                }
                                for e in s.events
                            ],
                            "droppedEventsCount": s.dropped_events_count,
                            "links": [
                                {
                                    "traceId": l.trace_id.hex(),
                                    "spanId": l.span_id.hex(),
                                    "traceState": l.trace_state,
                                    "attributes": describe_attributes(l.attributes),
                                    "droppedAttributesCount": l.dropped_attributes_count,
                                    "flags": l.flags,
                                }
                                for l in s.links
                            ],
                            "droppedLinksCount": s.dropped_links_count,
                            "status": {"code": s.status.code, "message": s.status.message}
                            if s.HasField("status") else None,
                        }
                        for s in ss.spans
                    ],
                }
                for ss in rs.scope_spans
            ],
        }
        for rs in request.resource_spans
    ]}


def compare(label, expected, actual):
    if expected == actual:
        print(f"ok: {label}")
        return True
    left = json.dumps(expected, indent=1, sort_keys=True).splitlines()
    right = json.dumps(actual, indent=1, sort_keys=True).splitlines()
    diff = "\n".join(difflib.unified_diff(left, right, "expected.json", label, lineterm=""))
    print(f"MISMATCH: {label}\n{diff}", file=sys.stderr)
    return False


class JSONRuleViolation(Exception):
    pass


def check_and_convert_ids(node, path="$"):
    """Checks OTLP/JSON rules on the raw JSON and turns hex ids into base64 for json_format."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            check_and_convert_ids(item, f"{path}[{index}]")
        return
    if not isinstance(node, dict):
        return
    for key, value in list(node.items()):
        where = f"{path}.{key}"
        if "_" in key:
            raise JSONRuleViolation(f"{where}: keys must be lowerCamelCase")
        if key in ("traceId", "spanId", "parentSpanId"):
            expected_length = 32 if key == "traceId" else 16
            if not isinstance(value, str) or len(value) != expected_length or value != value.lower():
                raise JSONRuleViolation(f"{where}: ids must be {expected_length} lowercase hex digits, got {value!r}")
            node[key] = base64.b64encode(bytes.fromhex(value)).decode()
        elif key in ("kind", "code") and not isinstance(value, int):
            raise JSONRuleViolation(f"{where}: enums must be integers, got {value!r}")
        elif key in ("startTimeUnixNano", "endTimeUnixNano", "timeUnixNano", "intValue", "rejectedSpans") \
                and not isinstance(value, str):
            raise JSONRuleViolation(f"{where}: 64-bit integers must be strings, got {value!r}")
        else:
            check_and_convert_ids(value, where)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = sys.argv[1]
    with open(os.path.join(directory, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    ok = True

    with open(os.path.join(directory, "request.pb"), "rb") as f:
        binary = f.read()
    request = trace_service_pb2.ExportTraceServiceRequest.FromString(binary)
    ok &= compare("request.pb decoded by opentelemetry-proto", expected, describe(request))
    reencoded = request.SerializeToString(deterministic=True)
    if reencoded == binary:
        print(f"ok: official re-serialization is byte-identical ({len(binary)} bytes)")
    else:
        prefix = next((i for i, (a, b) in enumerate(zip(binary, reencoded)) if a != b), min(len(binary), len(reencoded)))
        print(f"MISMATCH: official re-serialization differs at byte {prefix} "
              f"(ours {len(binary)} bytes, official {len(reencoded)} bytes)", file=sys.stderr)
        ok = False

    json_path = os.path.join(directory, "request.json")
    if os.path.exists(json_path):
        with open(json_path, encoding="utf-8") as f:
            document = json.load(f)
        try:
            check_and_convert_ids(document)
        except JSONRuleViolation as violation:
            print(f"MISMATCH: request.json breaks an OTLP/JSON rule: {violation}", file=sys.stderr)
            return 1
        parsed = json_format.ParseDict(document, trace_service_pb2.ExportTraceServiceRequest())
        ok &= compare("request.json parsed by json_format", expected, describe(parsed))

    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
