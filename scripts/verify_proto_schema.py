#!/usr/bin/env python3
"""Checks that proto/ matches the official OTLP schema shipped in PyPI's `opentelemetry-proto`.

Compiles proto/ with `protoc-c --descriptor_set_out` and compares, for every message and enum of the
four OTLP trace files, the full names, field names, numbers, types, labels, message/enum types,
oneof membership and enum values with the descriptors compiled into the official Python bindings.
google.rpc.Status / google.protobuf.Any are checked against their well-known field numbers.
Exits 1 with a list of differences, 0 when identical.

Usage: python3 scripts/verify_proto_schema.py   (needs protoc-c and `pip install opentelemetry-proto`)
"""
import os
import subprocess
import sys
import tempfile

from google.protobuf import descriptor_pb2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROTO = os.path.join(ROOT, "proto")


def ours():
    files = sorted(
        os.path.relpath(os.path.join(d, f), PROTO)
        for d, _, fs in os.walk(PROTO) for f in fs if f.endswith(".proto")
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "set.pb")
        subprocess.run(["protoc-c", f"--descriptor_set_out={out}", *files], cwd=PROTO, check=True)
        fds = descriptor_pb2.FileDescriptorSet()
        with open(out, "rb") as f:
            fds.ParseFromString(f.read())
    return {f.name: f for f in fds.file}


def official(module):
    proto = descriptor_pb2.FileDescriptorProto()
    module.DESCRIPTOR.CopyToProto(proto)
    return proto


def describe_file(fd):
    """A flat {path: description} view of a FileDescriptorProto, without comments or options."""
    rows = {}

    def message(m, prefix):
        name = f"{prefix}.{m.name}"
        rows[name] = ("message", tuple(sorted((r.start, r.end) for r in m.reserved_range)))
        for f in m.field:
            oneof = m.oneof_decl[f.oneof_index].name if f.HasField("oneof_index") else None
            rows[f"{name}.{f.name}"] = (f.number, f.type, f.label, f.type_name, oneof, f.proto3_optional)
        for n in m.nested_type:
            message(n, name)
        for e in m.enum_type:
            enum(e, name)

    def enum(e, prefix):
        name = f"{prefix}.{e.name}"
        rows[name] = ("enum", tuple((v.name, v.number) for v in e.value))

    for m in fd.message_type:
        message(m, "." + fd.package)
    for e in fd.enum_type:
        enum(e, "." + fd.package)
    for s in fd.service:
        rows[f".{fd.package}.{s.name}"] = ("service", tuple((x.name, x.input_type, x.output_type) for x in s.method))
    return rows


def compare(label, expected, actual, problems):
    for key in sorted(set(expected) | set(actual)):
        if expected.get(key) != actual.get(key):
            problems.append(f"{label}: {key}: official {expected.get(key)!r} != ours {actual.get(key)!r}")


def main():
    try:
        from opentelemetry.proto.collector.trace.v1 import trace_service_pb2
        from opentelemetry.proto.common.v1 import common_pb2
        from opentelemetry.proto.resource.v1 import resource_pb2
        from opentelemetry.proto.trace.v1 import trace_pb2
    except ImportError:
        print("opentelemetry-proto is not installed: run `make pydeps`", file=sys.stderr)
        return 2

    mine = ours()
    problems = []
    for module in (trace_service_pb2, trace_pb2, common_pb2, resource_pb2):
        theirs = official(module)
        if theirs.name not in mine:
            problems.append(f"missing file {theirs.name}")
            continue
        if mine[theirs.name].package != theirs.package:
            problems.append(f"{theirs.name}: package {mine[theirs.name].package} != {theirs.package}")
        if list(mine[theirs.name].dependency) != list(theirs.dependency):
            problems.append(f"{theirs.name}: imports {list(mine[theirs.name].dependency)} != {list(theirs.dependency)}")
        compare(theirs.name, describe_file(theirs), describe_file(mine[theirs.name]), problems)

    # Well-known types: field numbers from googleapis / protobuf.
    F = descriptor_pb2.FieldDescriptorProto
    well_known = {
        "google/rpc/status.proto": {
            ".google.rpc.Status": ("message", ()),
            ".google.rpc.Status.code": (1, F.TYPE_INT32, F.LABEL_OPTIONAL, "", None, False),
            ".google.rpc.Status.message": (2, F.TYPE_STRING, F.LABEL_OPTIONAL, "", None, False),
            ".google.rpc.Status.details": (3, F.TYPE_MESSAGE, F.LABEL_REPEATED, ".google.protobuf.Any", None, False),
        },
        "google/protobuf/any.proto": {
            ".google.protobuf.Any": ("message", ()),
            ".google.protobuf.Any.type_url": (1, F.TYPE_STRING, F.LABEL_OPTIONAL, "", None, False),
            ".google.protobuf.Any.value": (2, F.TYPE_BYTES, F.LABEL_OPTIONAL, "", None, False),
        },
    }
    for name, expected in well_known.items():
        if name not in mine:
            problems.append(f"missing file {name}")
        else:
            compare(name, expected, describe_file(mine[name]), problems)

    if problems:
        print("proto/ differs from the official schema:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print(f"proto/ matches the official opentelemetry-proto schema ({len(mine)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
