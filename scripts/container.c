// SPDX-License-Identifier: GPL-2.0
/* container [-q] [-d delegate_X=VALUE]... PROGRAM [ARG...]: run PROGRAM
 * the way a rootless container runtime would, with a BPF token for the taking: uid 0 of a new user
 * namespace that is uid nobody outside, in new mount and pid namespaces
 * (a fresh /proc), with a bpffs made in that user namespace mounted at
 * /sys/fs/bpf. Only its delegation comes from outside: this process, the
 * privileged helper, sets delegate_* on the bpffs the container opened.
 * PROGRAM gets no token path; LIBBPF_BPF_TOKEN_PATH is unset.
 *
 *   -q                    no notes on stdout (failures still go to stderr),
 *                         so that PROGRAM's stdout is all there is
 *   -d delegate_X=VALUE   delegate_cmds, delegate_maps, delegate_progs or
 *                         delegate_attachs: replaces the default below
 *                         (e.g. -d delegate_attachs=trace_kprobe_multi:...)
 *
 * Used by make demo (scripts/demo) and make bench (bench/attach-run);
 * built by scripts/build-container.
 *
 * Exit status: PROGRAM's; 5 if the container could not be set up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/mount.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define NOBODY 65534

/* by default what the demo tracer needs, and no more (see the notes
 * printed); -d replaces a value */
static const char *delegation[][2] = {
	{ "delegate_cmds", "prog_load:map_create:btf_load" },
	{ "delegate_maps", "array" },
	{ "delegate_progs", "kprobe:socket_filter" },
	{ "delegate_attachs", "trace_uprobe_multi:cgroup_inet_ingress" },
};

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY), n;

	if (fd < 0)
		return -1;
	n = write(fd, s, strlen(s));
	close(fd);
	return n == (int)strlen(s) ? 0 : -1;
}

static int quiet;

static int fail(const char *what)
{
	fprintf(stderr, "container: FAILED to %s: %s\n", what, strerror(errno));
	return 5;
}

static int wait_status(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) < 0)
		return fail("wait");
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "container: %d killed by signal %d\n", pid, WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	return WEXITSTATUS(status);
}

/* in the container: uid nobody, then root of its own namespaces */
static int container(int to_parent, int to_child, char **argv)
{
	char map[32], ok = 'n';
	int fs_fd, mnt_fd;
	pid_t pid;

	if (setgroups(0, NULL) || setresgid(NOBODY, NOBODY, NOBODY) ||
	    setresuid(NOBODY, NOBODY, NOBODY) || prctl(PR_SET_DUMPABLE, 1))
		return fail("become uid nobody");
	snprintf(map, sizeof(map), "0 %d 1", NOBODY);
	if (unshare(CLONE_NEWUSER) || write_file("/proc/self/setgroups", "deny") ||
	    write_file("/proc/self/uid_map", map) || write_file("/proc/self/gid_map", map))
		return fail("enter a new user namespace");
	if (unshare(CLONE_NEWNS | CLONE_NEWPID) ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
		return fail("enter new mount and pid namespaces");
	fs_fd = syscall(SYS_fsopen, "bpf", FSOPEN_CLOEXEC);
	if (fs_fd < 0)
		return fail("fsopen(\"bpf\")");
	if (write(to_parent, &fs_fd, sizeof(fs_fd)) != sizeof(fs_fd) ||
	    read(to_child, &ok, 1) != 1 || ok != 'y')
		return 5;	/* the helper said why */
	mnt_fd = syscall(SYS_fsmount, fs_fd, FSMOUNT_CLOEXEC, 0);
	if (mnt_fd < 0)
		return fail("fsmount() the bpffs");
	if (syscall(SYS_move_mount, mnt_fd, "", AT_FDCWD, "/sys/fs/bpf", MOVE_MOUNT_F_EMPTY_PATH))
		return fail("move_mount() the bpffs onto /sys/fs/bpf");
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return fail("fork");
	if (pid == 0) {
		/* pid 1 of the new pid namespace */
		if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL))
			_exit(fail("mount a fresh /proc"));
		unsetenv("LIBBPF_BPF_TOKEN_PATH");
		execv(argv[0], argv);
		_exit(fail("exec"));
	}
	return wait_status(pid);
}

int main(int argc, char **argv)
{
	int to_parent[2], to_child[2], fs_fd, pidfd, ret = 5, opt, changed = 0;
	const char *key, *eq;
	char ok = 'y';
	size_t i;
	pid_t pid;

	while ((opt = getopt(argc, argv, "+qd:")) != -1) {
		switch (opt) {
		case 'q':
			quiet = 1;
			break;
		case 'd':
			key = optarg;
			eq = strchr(key, '=');
			for (i = 0; eq && i < sizeof(delegation) / sizeof(delegation[0]); i++)
				if (strlen(delegation[i][0]) == (size_t)(eq - key) &&
				    !strncmp(delegation[i][0], key, eq - key))
					break;
			if (!eq || i == sizeof(delegation) / sizeof(delegation[0])) {
				fprintf(stderr, "container: -d %s: not delegate_{cmds,maps,progs,attachs}=VALUE\n",
					key);
				return 5;
			}
			delegation[i][1] = eq + 1;
			changed = 1;
			break;
		default:
			opt = -2;
		}
		if (opt == -2)
			break;
	}
	if (opt == -2 || optind >= argc) {
		fprintf(stderr, "usage: %s [-q] [-d delegate_X=VALUE]... PROGRAM [ARG...]\n", argv[0]);
		return 5;
	}
	argv += optind - 1;
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (pipe(to_parent) || pipe(to_child))
		return fail("pipe");
	pid = fork();
	if (pid < 0)
		return fail("fork");
	if (pid == 0)
		_exit(container(to_parent[1], to_child[0], argv + 1));
	close(to_parent[1]);

	/* the privileged helper: delegate on the container's bpffs, create it */
	if (read(to_parent[0], &fs_fd, sizeof(fs_fd)) != sizeof(fs_fd))
		return wait_status(pid) ?: 5;	/* the container said why */
	pidfd = syscall(SYS_pidfd_open, pid, 0);
	fs_fd = pidfd < 0 ? -1 : syscall(SYS_pidfd_getfd, pidfd, fs_fd, 0);
	if (fs_fd < 0) {
		ret = fail("take the container's bpffs fd (pidfd_getfd)");
		ok = 'n';
	}
	if (!quiet)
		printf("container: uid 0 of a new user namespace is uid %d (nobody) outside, no capability there;\n"
		       "           new mount and pid namespaces, a fresh /proc; LIBBPF_BPF_TOKEN_PATH unset\n"
		       "container: /sys/fs/bpf is a bpffs the container made, the helper delegating\n", NOBODY);
	for (i = 0; ok == 'y' && i < sizeof(delegation) / sizeof(delegation[0]); i++) {
		if (!quiet)
			printf("           %s=%s\n", delegation[i][0], delegation[i][1]);
		if (syscall(SYS_fsconfig, fs_fd, FSCONFIG_SET_STRING,
			    delegation[i][0], delegation[i][1], 0)) {
			ret = fail("set it");
			ok = 'n';
		}
	}
	if (ok == 'y' && !quiet && !changed)
		printf("           (socket_filter and attach type 0, cgroup_inet_ingress: libbpf's feature\n"
		       "           probes; attach type 0 is also what perf-event kprobes/uprobes load with)\n");
	if (ok == 'y' && syscall(SYS_fsconfig, fs_fd, FSCONFIG_CMD_CREATE, NULL, NULL, 0)) {
		ret = fail("create the bpffs (FSCONFIG_CMD_CREATE)");
		ok = 'n';
	}
	if (write(to_child[1], &ok, 1) != 1 && ok == 'y')
		ret = fail("tell the container");
	else if (ok == 'y')
		return wait_status(pid);
	wait_status(pid);
	return ret;
}
