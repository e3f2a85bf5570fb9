# VM matrix targets (docs/vm.md).  Included from the top-level Makefile.
#
#   make test-vm          stock vs patched test_progs on $(VM_KERNELS), and the
#                         unmodified selftests with the patched libbpf (compat)
#   make test-vm-all      the same on every kernel of kernels.list
#   make feature-report   the feature report (patched libbpf) on every kernel
#   make vmtest K=7.3 CMD='uname -a'   boot one kernel and run a command

# Kernels `make test-vm` (and so `make check`) runs; see docs/vm.md for the
# measured wall time behind this choice.
VM_KERNELS ?= 5.10,6.1,6.12,7.3
# VMs at a time (single-threaded TCG: one host core each); 2 measured
# 462 s for the four kernels vs 750 s with 1 on the 2-core machine.
VM_JOBS ?= 2
VM_ALL_KERNELS := $(shell awk '!/^\#/ && NF { print $$1 }' kernels.list | sort -V | paste -sd,)
K ?= 7.3
CMD ?= uname -a

.PHONY: vm-deps test-vm test-vm-all feature-report vmtest

vm-deps:
	@scripts/deps vm

test-vm: vm-deps selftests selftests-stock selftests-compat libbpf libbpf-stock
	@scripts/test-vm -j $(VM_JOBS) -k $(VM_KERNELS) -f "stock patched compat"

test-vm-all: vm-deps selftests selftests-stock libbpf libbpf-stock
	@scripts/test-vm -j $(VM_JOBS) -k $(VM_ALL_KERNELS)

feature-report: vm-deps libbpf
	@scripts/build-feature-report patched
	@for k in $(subst $(comma), ,$(VM_ALL_KERNELS)); do \
		scripts/vmtest -k $$k -p build/vm/feature-report/patched/feature-report -- \
			build/vm/feature-report/patched/feature-report || exit 1; \
	done

vmtest: vm-deps
	@scripts/vmtest -k $(K) -- $(CMD)

comma := ,
