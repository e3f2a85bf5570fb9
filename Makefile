# libbpf multi-link upgrade series: patch queue, builds and tests.
# See README.md.  Everything is built under build/ (ignored by git).

SHELL := /bin/bash
S := scripts

.PHONY: all deps base apply export format-patch check-upstream libbpf libbpf-stock install check-series \
	selftests selftests-stock selftests-compat test-native check-bisect check-syscalls demo bench docs check clean distclean

all: libbpf

deps:
	@$(S)/deps base

base: deps
	@$(S)/fetch-base

apply: base
	@$(S)/apply

export:
	@$(S)/export

# The series to send: authored and signed off by your git identity
# (build/format-patch/<series>/)
format-patch: base
	@$(S)/format-patch

# Do the libbpf series apply to upstream libbpf?  LIBBPF_MIRROR=<clone of
# the libbpf GitHub mirror> (not part of make check)
check-upstream: base
	@test -n "$(LIBBPF_MIRROR)" || { echo "check-upstream: set LIBBPF_MIRROR=<libbpf mirror clone>" >&2; exit 1; }
	@$(S)/check-upstream "$(LIBBPF_MIRROR)"

libbpf: base
	@$(S)/build-libbpf patched

libbpf-stock: base
	@$(S)/build-libbpf stock

install: base
	@test -n "$(PREFIX)" || { echo "install: set PREFIX=/path" >&2; exit 1; }
	@$(S)/build-libbpf patched "$(PREFIX)"

check-series: base
	@$(S)/check-series

selftests: base
	@$(S)/build-selftests patched

selftests-stock: base
	@$(S)/build-selftests stock

selftests-compat: base
	@$(S)/build-selftests compat

test-native: selftests selftests-stock
	@$(S)/test-native

# Bisectability: test_progs built and tests/native.list run at every patch
# of every series, against test-native's stock run (not in make check)
check-bisect: base
	@$(S)/check-bisect

# VM matrix: test-vm, test-vm-all, feature-report, vmtest (docs/vm.md)
include mk/vm.mk

# The companion kernel fix: check-kernel (kernel-patches/README.md)
include mk/kernel.mk

demo: apply libbpf
	@$(S)/demo

# Without a token: the same bpf()/perf_event_open() calls as stock libbpf,
# counted with strace natively and in the 6.12 and 7.3 guests
check-syscalls: apply
	@$(S)/check-syscalls

# The token rule in numbers (build/bench/results.md, .png): no token,
# patched vs stock; token (container) vs privileged.  QUICK=1: a smoke run
# (make check runs it so).  Never pass/fail on the numbers, only on runs.
bench: apply libbpf libbpf-stock
	@QUICK=$(QUICK) $(S)/bench

# Documentation/bpf rendered by the kernel's docs build, base vs series:
# fails on a warning the series adds (build/docs/).
docs: base
	@$(S)/docs

# The README's test command: everything from a fresh machine.
check:
	@$(S)/deps base vm
	@$(MAKE) --no-print-directory apply
	@$(MAKE) --no-print-directory check-series
	@$(MAKE) --no-print-directory docs
	@$(MAKE) --no-print-directory libbpf libbpf-stock
	@$(MAKE) --no-print-directory test-native
	@$(MAKE) --no-print-directory test-vm
	@$(MAKE) --no-print-directory check-syscalls
	@$(MAKE) --no-print-directory demo
	@$(MAKE) --no-print-directory bench QUICK=1
	@$(MAKE) --no-print-directory check-kernel

clean:
	rm -rf build/libbpf build/selftests build/series build/series-obj build/stock build/compat build/bisect build/bisect-out build/bench build/demo build/docs build/syscalls
	-git -C build/linux worktree prune 2>/dev/null

distclean:
	rm -rf build
