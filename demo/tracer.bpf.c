// SPDX-License-Identifier: GPL-2.0
/* Count the calls of libc's getppid() made by one process. An ordinary
 * SEC("uprobe") program: nothing in it knows about multi links or tokens.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

int target_tgid;
unsigned long long hits;

SEC("uprobe/libc.so.6:getppid")
int count_getppid(void *ctx)
{
	if ((bpf_get_current_pid_tgid() >> 32) == target_tgid)
		__sync_fetch_and_add(&hits, 1);
	return 0;
}
