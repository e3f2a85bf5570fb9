# The companion kernel fix (kernel-patches/README.md).  Included from the
# top-level Makefile; `make check` runs check-kernel last.
#
#   make check-kernel   full base tree, apply kernel-patches/, build the
#                       minimal 7.3 kernel with the fix and the test, run it
#                       on Debian's unfixed 7.3 (must fail the refusals) and
#                       on the fixed build (must pass)
#   make kernel-patches-checkpatch   checkpatch.pl --strict on kernel-patches/

.PHONY: check-kernel kernel-patches-checkpatch

check-kernel:
	@scripts/deps base vm kernel
	@scripts/check-kernel

kernel-patches-checkpatch:
	@scripts/fetch-base-full
	@scripts/check-kernel-patches
