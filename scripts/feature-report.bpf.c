// SPDX-License-Identifier: GPL-2.0
/* Programs whose expected_attach_type after load shows libbpf's decisions. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("usdt")
int probe_usdt(void *ctx) { return 0; }

SEC("kprobe/do_nanosleep")
int probe_kprobe(void *ctx) { return 0; }

SEC("kretprobe/do_nanosleep")
int probe_kretprobe(void *ctx) { return 0; }

SEC("uprobe//proc/self/exe:feature_report_target")
int probe_uprobe(void *ctx) { return 0; }

SEC("uretprobe//proc/self/exe:feature_report_target")
int probe_uretprobe(void *ctx) { return 0; }

char LICENSE[] SEC("license") = "GPL";
