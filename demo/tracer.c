// SPDX-License-Identifier: GPL-2.0
/* demo tracer: counts a child's getppid() calls with an unmodified
 * SEC("uprobe") program. It names no BPF token: whatever token libbpf
 * uses, libbpf found by itself (a delegating bpffs at /sys/fs/bpf, as
 * scripts/container.c sets up). Run it as it is for a privileged tracer, or
 * under scripts/container for one in a container.
 *
 * Exit status: 0 every call counted, 2 attach failed, 3 open or load
 * failed, 4 a wrong count, 5 setup failed (nothing BPF).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "tracer.skel.h"

#define CALLS 5

static const char *link_type_str(struct bpf_link *link)
{
	struct bpf_link_info info = {};
	__u32 len = sizeof(info);

	if (bpf_link_get_info_by_fd(bpf_link__fd(link), &info, &len))
		return "?";
	return libbpf_bpf_link_type_str(info.type);
}

static int quiet(enum libbpf_print_level level, const char *fmt, va_list args)
{
	return level == LIBBPF_WARN ? vfprintf(stderr, fmt, args) : 0;
}

/* the first line of /proc/self/uid_map, spaces squeezed */
static const char *uid_map(void)
{
	static char line[64];
	char a[16], b[16], c[16];
	FILE *f = fopen("/proc/self/uid_map", "r");

	if (!f || fscanf(f, "%15s %15s %15s", a, b, c) != 3)
		strcpy(line, "?");
	else
		snprintf(line, sizeof(line), "%s %s %s", a, b, c);
	if (f)
		fclose(f);
	return line;
}

int main(void)
{
	const char *env = getenv("LIBBPF_BPF_TOKEN_PATH");
	struct stat userns, pidns;
	enum bpf_attach_type type;
	struct tracer *skel;
	int go[2], err, i;
	pid_t child;

	setvbuf(stdout, NULL, _IOLBF, 0);
	libbpf_set_print(quiet);
	if (stat("/proc/self/ns/user", &userns) || stat("/proc/self/ns/pid", &pidns)) {
		printf("tracer:    FAILED to stat /proc/self/ns: %s\n", strerror(errno));
		return 5;
	}
	printf("tracer:    pid %d, uid %d in user namespace %llu (uid_map \"%s\"),\n"
	       "           pid namespace %llu; no bpf_token_path, LIBBPF_BPF_TOKEN_PATH %s%s\n",
	       getpid(), getuid(), (unsigned long long)userns.st_ino, uid_map(),
	       (unsigned long long)pidns.st_ino, env ? "=" : "unset", env ?: "");

	skel = tracer__open();
	if (!skel || tracer__load(skel)) {
		printf("load:      FAILED: %s\n", strerror(errno));
		tracer__destroy(skel);
		return 3;
	}
	type = bpf_program__expected_attach_type(skel->progs.count_getppid);
	printf("load:      SEC(\"%s\") loaded as %s;\n"
	       "           %s\n",
	       bpf_program__section_name(skel->progs.count_getppid),
	       type ? libbpf_bpf_attach_type_str(type) : "a perf-event uprobe (attach type 0)",
	       bpf_object__token_fd(skel->obj) >= 0 ?
	       "libbpf holds a BPF token, made from /sys/fs/bpf by itself" :
	       "libbpf holds no BPF token");

	if (pipe(go)) {
		tracer__destroy(skel);
		return 5;
	}
	child = fork();
	if (child < 0) {
		tracer__destroy(skel);
		return 5;
	}
	if (child == 0) {
		char c;

		if (read(go[0], &c, 1) != 1)
			_exit(1);
		for (i = 0; i < CALLS; i++)
			getppid();
		_exit(0);
	}
	skel->bss->pidns_dev = pidns.st_dev;
	skel->bss->pidns_ino = pidns.st_ino;
	skel->bss->target_pid = child;
	err = tracer__attach(skel);
	if (err) {
		printf("attach:    FAILED: %d (%s)\n", err, strerrorname_np(-err) ?: "?");
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		tracer__destroy(skel);
		return 2;
	}
	printf("attach:    ok, the kernel reports a %s link\n",
	       link_type_str(skel->links.count_getppid));
	if (write(go[1], "g", 1) != 1) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		tracer__destroy(skel);
		return 5;
	}
	waitpid(child, NULL, 0);
	printf("hits:      %llu getppid() calls counted in pid %d (it made %d),\n"
	       "           which bpf_get_current_pid_tgid() calls tgid %d\n",
	       skel->bss->hits, child, CALLS, skel->bss->host_tgid);
	err = skel->bss->hits == CALLS ? 0 : 4;
	tracer__destroy(skel);
	return err;
}
