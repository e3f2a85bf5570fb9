// SPDX-License-Identifier: GPL-2.0
/* Count the calls of libc's getppid() made by one process. An ordinary
 * SEC("uprobe") program: nothing in it knows about multi links or tokens.
 *
 * The target is named by its pid in the tracer's pid namespace, which a
 * container's tracer sees; bpf_get_current_pid_tgid() gives the ids of the
 * initial pid namespace, so compare those bpf_get_ns_current_pid_tgid()
 * gives for the tracer's namespace (the dev and inode of /proc/self/ns/pid).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

__u64 pidns_dev, pidns_ino;
int target_pid;
unsigned long long hits;
int host_tgid;

SEC("uprobe/libc.so.6:getppid")
int count_getppid(void *ctx)
{
	struct bpf_pidns_info ns;

	if (bpf_get_ns_current_pid_tgid(pidns_dev, pidns_ino, &ns, sizeof(ns)))
		return 0;	/* not in the tracer's pid namespace */
	if (ns.tgid != target_pid)
		return 0;
	__sync_fetch_and_add(&hits, 1);
	host_tgid = bpf_get_current_pid_tgid() >> 32;
	return 0;
}
