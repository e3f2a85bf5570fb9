# The companion kernel fix (kernel-patches/README.md).  Included from the
# top-level Makefile; `make check` runs check-kernel last.
#
#   make check-kernel   full base tree, apply kernel-patches/, build the
#                       minimal 7.3 kernel with the fix and, as a control,
#                       without it (same config), build a test_progs holding
#                       only the series' selftest (and its standalone twin),
#                       run them on Debian's unfixed 7.3 and the control
#                       (must fail exactly the 8 ioctl refusals) and on the
#                       fixed build (must pass)
#   make kernel-patches-checkpatch   checkpatch.pl --strict on kernel-patches/

.PHONY: check-kernel kernel-patches-checkpatch

check-kernel:
	@scripts/deps base vm kernel
	@scripts/check-kernel

kernel-patches-checkpatch:
	@scripts/fetch-base-full
	@scripts/check-kernel-patches
