# The two commands a newcomer needs: `make demo` and `make test`.
# Both install the system packages the build needs when they are missing.

SWIFT ?= swift
APT_PACKAGES := libprotobuf-c-dev protobuf-c-compiler pkg-config zlib1g-dev

.PHONY: all build test demo bench deps pydeps generate clean

all: build

# System packages: libprotobuf-c (decoding OTLP), protoc-c (regenerating Sources/COTLP), pkg-config, zlib.
deps:
	@if pkg-config --exists libprotobuf-c 2>/dev/null && command -v protoc-c >/dev/null 2>&1 \
	    && pkg-config --exists zlib 2>/dev/null; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing $(APT_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES); \
	else \
	    echo "Missing system packages. Run:  sudo apt-get install -y $(APT_PACKAGES)"; \
	    echo "(macOS: brew install protobuf-c pkg-config)"; exit 1; \
	fi

build: deps
	$(SWIFT) build

# The official opentelemetry-proto Python bindings: the conformance test decodes our bytes with them.
pydeps:
	@python3 -c "import opentelemetry.proto" 2>/dev/null || python3 -m pip install --quiet opentelemetry-proto

test: deps pydeps
	$(SWIFT) test

# Regenerate Sources/COTLP from proto/ (protoc-c); see proto/README.md.
generate: deps
	scripts/generate-cotlp.sh

demo: deps
	$(SWIFT) run otlp-export demo

# The benchmark suite (Benchmarks/, its own package; not part of `make test`): see BENCHMARKS.md.
# Needs valgrind for the instruction and allocation counts.
bench: deps
	@command -v valgrind >/dev/null 2>&1 || { [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 \
	    && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind bc; } || true
	scripts/bench-run.sh

clean:
	rm -rf .build
