// SPDX-License-Identifier: GPL-2.0
/* Sample object for `make demo`: one program per kind of probe section. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

SEC("uprobe//proc/self/exe:main")
int on_main(void *ctx) { return 0; }

SEC("uretprobe//proc/self/exe:main")
int on_main_return(void *ctx) { return 0; }

SEC("uprobe.s//proc/self/exe:main")
int on_main_sleepable(void *ctx) { return 0; }

SEC("uprobe")
int manual_uprobe(void *ctx) { return 0; }

SEC("uprobe.multi//proc/self/exe:main")
int on_main_multi(void *ctx) { return 0; }

SEC("usdt")
int manual_usdt(void *ctx) { return 0; }

SEC("kprobe/do_nanosleep")
int on_nanosleep(void *ctx) { return 0; }
