// SPDX-License-Identifier: GPL-2.0
/* 100 kprobe and 100 uprobe programs for bench/attach.c, plain sections:
 * SEC("kprobe/__x64_sys_getppid") and SEC("uprobe//proc/self/exe:bench_func").
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

#define KSEC "kprobe/__x64_sys_getppid"
#define USEC "uprobe//proc/self/exe:bench_func"

__u64 hits;

#define P(i)							\
	SEC(KSEC) int k##i(void *ctx)				\
	{ __sync_fetch_and_add(&hits, 1); return 0; }		\
	SEC(USEC) int u##i(void *ctx)				\
	{ __sync_fetch_and_add(&hits, 1); return 0; }
#define P10(i) P(i##0) P(i##1) P(i##2) P(i##3) P(i##4) P(i##5) P(i##6) P(i##7) P(i##8) P(i##9)

P10(0) P10(1) P10(2) P10(3) P10(4) P10(5) P10(6) P10(7) P10(8) P10(9)
