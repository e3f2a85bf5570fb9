// SPDX-License-Identifier: GPL-2.0
/* demo tracer: counts a child's getppid() calls with an unmodified
 * SEC("uprobe") program, from inside an unprivileged user namespace that
 * holds a BPF token, the way a container runtime would set it up.
 *
 * The privileged parent only configures the delegation of the bpffs that
 * the unprivileged tracer created; everything BPF happens in the tracer.
 *
 * "tracer --caps" traces in the calling process instead, no namespace and
 * no token: run it with CAP_BPF and CAP_PERFMON only, the way a service
 * with AmbientCapabilities=CAP_BPF CAP_PERFMON runs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/mount.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "tracer.skel.h"

#define CALLS 5

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY), n;

	if (fd < 0)
		return -1;
	n = write(fd, s, strlen(s));
	close(fd);
	return n == (int)strlen(s) ? 0 : -1;
}

static int enter_userns(void)
{
	char map[64];
	uid_t uid = getuid();
	gid_t gid = getgid();

	if (unshare(CLONE_NEWUSER) || write_file("/proc/self/setgroups", "deny"))
		return -1;
	snprintf(map, sizeof(map), "0 %d 1", uid);
	if (write_file("/proc/self/uid_map", map))
		return -1;
	snprintf(map, sizeof(map), "0 %d 1", gid);
	if (write_file("/proc/self/gid_map", map))
		return -1;
	if (unshare(CLONE_NEWNS))
		return -1;
	return mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
}

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

/* in the user namespace, with the bpffs mounted at @mnt_fd; or, if
 * @mnt_fd is -1, with the capabilities the caller has
 */
static int trace(int mnt_fd)
{
	LIBBPF_OPTS(bpf_object_open_opts, opts);
	enum bpf_attach_type type;
	struct tracer *skel;
	char path[64];
	int go[2], err, i;
	pid_t child;

	if (mnt_fd >= 0) {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", mnt_fd);
		opts.bpf_token_path = path;
	}
	skel = tracer__open_opts(&opts);
	if (!skel || tracer__load(skel)) {
		printf("load:      FAILED: %s\n", strerror(errno));
		return 1;
	}
	type = bpf_program__expected_attach_type(skel->progs.count_getppid);
	printf("load:      SEC(\"%s\") loaded as %s\n",
	       bpf_program__section_name(skel->progs.count_getppid),
	       type ? libbpf_bpf_attach_type_str(type) : "a perf-event uprobe (attach type 0)");

	if (pipe(go))
		return 1;
	child = fork();
	if (child == 0) {
		char c;

		if (read(go[0], &c, 1) != 1)
			_exit(1);
		for (i = 0; i < CALLS; i++)
			getppid();
		_exit(0);
	}
	skel->bss->target_tgid = child;
	err = tracer__attach(skel);
	if (err) {
		printf("attach:    FAILED: %d (%s)\n", err, strerror(-err));
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		tracer__destroy(skel);
		return 1;
	}
	printf("attach:    ok, the kernel reports a %s link\n",
	       link_type_str(skel->links.count_getppid));
	if (write(go[1], "g", 1) != 1)
		return 1;
	waitpid(child, NULL, 0);
	printf("hits:      %llu getppid() calls counted in pid %d (it made %d)\n",
	       skel->bss->hits, child, CALLS);
	err = skel->bss->hits == CALLS ? 0 : 1;
	tracer__destroy(skel);
	return err;
}

/* the effective capabilities, as /proc/self/status has them */
static void print_caps(void)
{
	static const struct { int bit; const char *name; } caps[] = {
		{ 21, "CAP_SYS_ADMIN" }, { 38, "CAP_PERFMON" }, { 39, "CAP_BPF" },
	};
	unsigned long long eff = 0;
	char line[128];
	FILE *f = fopen("/proc/self/status", "r");
	size_t i;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %llx", &eff) == 1)
			break;
	if (f)
		fclose(f);
	printf("caps:      uid %d, no namespace, no token; CapEff 0x%llx:", getuid(), eff);
	for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++)
		printf(" %s%s", eff & (1ULL << caps[i].bit) ? "+" : "-", caps[i].name);
	printf("\n");
}

int main(int argc, char **argv)
{
	int to_parent[2], to_child[2], fs_fd, pidfd, status, err;
	char ok = 'n';
	pid_t pid;

	setvbuf(stdout, NULL, _IOLBF, 0);
	libbpf_set_print(quiet);
	if (argc > 1 && !strcmp(argv[1], "--caps")) {
		print_caps();
		return trace(-1);
	}
	if (pipe(to_parent) || pipe(to_child))
		return 1;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int mnt_fd;

		/* unprivileged: root only inside a new user namespace */
		if (enter_userns()) {
			printf("userns:    FAILED: %s\n", strerror(errno));
			_exit(1);
		}
		fs_fd = syscall(SYS_fsopen, "bpf", 0);
		if (fs_fd < 0 || write(to_parent[1], &fs_fd, sizeof(fs_fd)) != sizeof(fs_fd) ||
		    read(to_child[0], &ok, 1) != 1 || ok != 'y')
			_exit(1);
		mnt_fd = syscall(SYS_fsmount, fs_fd, 0, 0);
		if (mnt_fd < 0)
			_exit(1);
		printf("userns:    pid %d is uid 0 in a new user namespace, no capability outside;\n"
		       "           its bpffs delegates cmds, maps, progs and attachs (\"any\")\n",
		       getpid());
		_exit(trace(mnt_fd));
	}

	/* privileged parent: configure the delegation, as a runtime would */
	err = read(to_parent[0], &fs_fd, sizeof(fs_fd)) != sizeof(fs_fd);
	pidfd = err ? -1 : syscall(SYS_pidfd_open, pid, 0);
	fs_fd = pidfd < 0 ? -1 : syscall(SYS_pidfd_getfd, pidfd, fs_fd, 0);
	if (fs_fd >= 0 &&
	    !syscall(SYS_fsconfig, fs_fd, FSCONFIG_SET_STRING, "delegate_cmds", "any", 0) &&
	    !syscall(SYS_fsconfig, fs_fd, FSCONFIG_SET_STRING, "delegate_maps", "any", 0) &&
	    !syscall(SYS_fsconfig, fs_fd, FSCONFIG_SET_STRING, "delegate_progs", "any", 0) &&
	    !syscall(SYS_fsconfig, fs_fd, FSCONFIG_SET_STRING, "delegate_attachs", "any", 0) &&
	    !syscall(SYS_fsconfig, fs_fd, FSCONFIG_CMD_CREATE, NULL, NULL, 0))
		ok = 'y';
	else
		printf("token:     FAILED to delegate: %s\n", strerror(errno));
	if (write(to_child[1], &ok, 1) != 1)
		return 1;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
