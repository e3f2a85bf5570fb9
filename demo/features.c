// SPDX-License-Identifier: GPL-2.0
/* Print whether this kernel has what the series relies on: uprobe_multi
 * and kprobe_multi links and BPF tokens, asked with raw bpf() calls the way
 * libbpf's feature probes ask (a request the kernel must refuse, read the
 * errno; nothing is attached).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <bpf/bpf.h>

static int multi_prog(enum bpf_attach_type type)
{
	LIBBPF_OPTS(bpf_prog_load_opts, opts, .expected_attach_type = type);
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};

	return bpf_prog_load(BPF_PROG_TYPE_KPROBE, NULL, "GPL", insns, 2, &opts);
}

/* errno of a link_create that fails even where the link exists */
static int link_errno(enum bpf_attach_type type)
{
	LIBBPF_OPTS(bpf_link_create_opts, opts);
	const char *sym = "libbpf-probe-no-such-function";
	unsigned long offset = 0;
	int prog_fd, fd, err;

	prog_fd = multi_prog(type);
	if (prog_fd < 0)
		return errno;
	if (type == BPF_TRACE_KPROBE_MULTI) {
		opts.kprobe_multi.syms = &sym;
		opts.kprobe_multi.cnt = 1;
	} else {
		opts.uprobe_multi.path = "/";
		opts.uprobe_multi.offsets = &offset;
		opts.uprobe_multi.cnt = 1;
	}
	fd = bpf_link_create(prog_fd, -1, type, &opts);
	err = fd < 0 ? errno : 0;
	if (fd >= 0)
		close(fd);
	close(prog_fd);
	return err;
}

static void show(const char *what, int err, int yes1, int yes2)
{
	printf("%s %s", what, err == yes1 || err == yes2 ? "yes" : "no");
	if (err != yes1 && err != yes2)
		printf(" (%s)", err ? strerrorname_np(err) : "attached?");
}

int main(void)
{
	union bpf_attr attr = { .token_create.bpffs_fd = -1 };
	int token_err = 0;

	if (syscall(__NR_bpf, BPF_TOKEN_CREATE, &attr, sizeof(attr)) < 0)
		token_err = errno;
	/* uprobe_multi on path "/": EBADF once the kernel got as far as the path */
	show("kernel:    uprobe_multi links", link_errno(BPF_TRACE_UPROBE_MULTI), EBADF, EBADF);
	/* kprobe_multi on a symbol that can't exist: ESRCH/ENOENT from the lookup */
	show(", kprobe_multi links", link_errno(BPF_TRACE_KPROBE_MULTI), ESRCH, ENOENT);
	/* BPF_TOKEN_CREATE without a bpffs: EBADF where tokens exist */
	show(", BPF tokens", token_err, EBADF, EBADF);
	printf("\n");
	return 0;
}
