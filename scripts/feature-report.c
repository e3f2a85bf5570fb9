// SPDX-License-Identifier: GPL-2.0
/*
 * Report the kernel's answers to the multi-link feature checks: the raw
 * errno of each underlying bpf() call, then libbpf's own view (which
 * expected_attach_type libbpf gives a program of each section kind at load).
 * Built statically (scripts/build-feature-report) to run in the VM guests.
 *
 * Output: one "key: value" line per check; "ok" or the errno name.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <linux/bpf.h>
#include <bpf/libbpf.h>


/* the BPF object (feature-report.bpf.c), embedded */
asm(".pushsection .rodata\n"
    ".global bpf_obj_start\n"
    "bpf_obj_start:\n"
    ".incbin \"" BPF_OBJ "\"\n"
    ".global bpf_obj_end\n"
    "bpf_obj_end:\n"
    ".popsection\n");
extern const char bpf_obj_start[], bpf_obj_end[];

static int verbose;

static const char *errname(int err)
{
	static char buf[32];

	switch (err) {
	case 0: return "ok";
	case EINVAL: return "EINVAL";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case ESRCH: return "ESRCH";
	case EBADF: return "EBADF";
	case EPERM: return "EPERM";
	case ENOENT: return "ENOENT";
	case E2BIG: return "E2BIG";
	case EFAULT: return "EFAULT";
	case 524: return "ENOTSUPP (524)";
	default:
		snprintf(buf, sizeof(buf), "errno %d", err);
		return buf;
	}
}

static int sys_bpf(int cmd, union bpf_attr *attr)
{
	return syscall(__NR_bpf, cmd, attr, sizeof(*attr));
}

/* a KPROBE program "r0 = 0; exit" with the given expected_attach_type */
static int prog_load(int eat)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	union bpf_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_KPROBE;
	attr.expected_attach_type = eat;
	attr.insns = (uintptr_t)insns;
	attr.insn_cnt = 2;
	attr.license = (uintptr_t)"GPL";
	return sys_bpf(BPF_PROG_LOAD, &attr);
}

/* result of a call returning an fd: "ok" (fd closed) or the errno */
static int result(int fd)
{
	int err = fd < 0 ? errno : 0;

	if (fd >= 0)
		close(fd);
	return err;
}

static int kprobe_multi_link(int prog_fd, const char *sym)
{
	union bpf_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.link_create.prog_fd = prog_fd;
	attr.link_create.attach_type = BPF_TRACE_KPROBE_MULTI;
	attr.link_create.kprobe_multi.syms = (uintptr_t)&sym;
	attr.link_create.kprobe_multi.cnt = 1;
	return result(sys_bpf(BPF_LINK_CREATE, &attr));
}

static int uprobe_multi_link(int prog_fd, const char *path, unsigned long off, int pid)
{
	union bpf_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.link_create.prog_fd = prog_fd;
	attr.link_create.attach_type = BPF_TRACE_UPROBE_MULTI;
	attr.link_create.uprobe_multi.path = (uintptr_t)path;
	attr.link_create.uprobe_multi.offsets = (uintptr_t)&off;
	attr.link_create.uprobe_multi.cnt = 1;
	attr.link_create.uprobe_multi.pid = pid;
	return result(sys_bpf(BPF_LINK_CREATE, &attr));
}

__attribute__((noinline)) int feature_report_target(int x)
{
	asm volatile("" ::: "memory");
	return x + 1;
}

/* file offset of a function of this executable, from /proc/self/maps */
static unsigned long self_offset(void *fn)
{
	unsigned long start, end, pgoff, addr = (unsigned long)fn;
	char line[512];
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx-%lx %*s %lx", &start, &end, &pgoff) == 3 &&
		    addr >= start && addr < end) {
			fclose(f);
			return addr - start + pgoff;
		}
	}
	fclose(f);
	return 0;
}

static int print_fn(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (!verbose && level != LIBBPF_WARN)
		return 0;
	return vfprintf(stderr, fmt, ap);
}

/* load only program @name of the embedded object; print its attach type */
static enum bpf_attach_type libbpf_view(const char *name)
{
	struct bpf_object *obj;
	struct bpf_program *p, *prog = NULL;
	enum bpf_attach_type eat;
	int err;

	obj = bpf_object__open_mem(bpf_obj_start, bpf_obj_end - bpf_obj_start, NULL);
	if (!obj) {
		printf("libbpf %s: open failed (%s)\n", name, errname(errno));
		return 0;
	}
	bpf_object__for_each_program(p, obj) {
		if (strcmp(bpf_program__name(p), name) == 0)
			prog = p;
		else
			bpf_program__set_autoload(p, false);
	}
	if (!prog) {
		printf("libbpf %s: no such program\n", name);
		bpf_object__close(obj);
		return 0;
	}
	err = bpf_object__load(obj);
	eat = bpf_program__expected_attach_type(prog);
	printf("libbpf %s (SEC(\"%s\")): load %s, expected_attach_type %s\n", name,
	       bpf_program__section_name(prog), errname(err < 0 ? -err : 0),
	       eat ? libbpf_bpf_attach_type_str(eat) : "0 (none)");
	bpf_object__close(obj);
	return eat;
}

int main(int argc, char **argv)
{
	char exe[4096];
	struct utsname u;
	ssize_t n;
	int kfd, ufd;

	verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	libbpf_set_print(print_fn);
	uname(&u);
	printf("kernel: %s\n", u.release);

	kfd = prog_load(BPF_TRACE_KPROBE_MULTI);
	printf("raw prog_load KPROBE eat=KPROBE_MULTI: %s\n", errname(kfd < 0 ? errno : 0));
	ufd = prog_load(BPF_TRACE_UPROBE_MULTI);
	printf("raw prog_load KPROBE eat=UPROBE_MULTI: %s\n", errname(ufd < 0 ? errno : 0));

	if (kfd >= 0) {
		printf("raw kprobe_multi link, valid symbol (do_nanosleep): %s\n",
		       errname(kprobe_multi_link(kfd, "do_nanosleep")));
		printf("raw kprobe_multi link, unknown symbol: %s\n",
		       errname(kprobe_multi_link(kfd, "feature_report_no_such_symbol")));
		close(kfd);
	}
	if (ufd >= 0) {
		n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		exe[n > 0 ? n : 0] = 0;
		printf("raw uprobe_multi link, path \"/\": %s\n",
		       errname(uprobe_multi_link(ufd, "/", 0, 0)));
		printf("raw uprobe_multi link, path \"/\", pid -1 (pid filter fix: EINVAL): %s\n",
		       errname(uprobe_multi_link(ufd, "/", 0, -1)));
		printf("raw uprobe_multi link, real function: %s\n",
		       errname(uprobe_multi_link(ufd, exe,
						 self_offset(feature_report_target), 0)));
		close(ufd);
	}
	printf("perf kprobe PMU: %s\n",
	       access("/sys/bus/event_source/devices/kprobe/type", F_OK) ? "no" : "yes");

	/* libbpf: usdt is upgraded to uprobe_multi iff FEAT_UPROBE_MULTI_LINK */
	printf("libbpf FEAT_UPROBE_MULTI_LINK (usdt upgraded): %s\n",
	       libbpf_view("probe_usdt") == BPF_TRACE_UPROBE_MULTI ? "yes" : "no");
	libbpf_view("probe_kprobe");
	libbpf_view("probe_kretprobe");
	libbpf_view("probe_uprobe");
	libbpf_view("probe_uretprobe");
	return feature_report_target(-1);
}
