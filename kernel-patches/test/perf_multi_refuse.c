// SPDX-License-Identifier: GPL-2.0
/*
 * Standalone twin of the selftest in kernel-patches/0002: KPROBE programs
 * loaded for the kprobe_multi, kprobe_session, uprobe_multi and
 * uprobe_session links must be refused by both perf event attach routes,
 * ioctl(PERF_EVENT_IOC_SET_BPF) and BPF_LINK_CREATE(BPF_PERF_EVENT), on
 * kprobe and uprobe events; type 0 KPROBE programs still attach and see
 * the right func IP and cookie.
 *
 * The multi-typed programs call no helper ("r0 = 0; exit"): on a kernel
 * without the fix the ioctl accepts them, and they run harmlessly, so such
 * a kernel only fails the assertions.  Meant for a VM all the same.
 *
 * Output: one "PASS:"/"FAIL:" line per assertion, a summary line.
 * Exit status: 0 all passed; 1 only refusal assertions failed; 2 anything
 * else failed (setup, control programs).
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <bpf/bpf.h>

#define KSYM "__x64_sys_getppid"
#define COOKIE 0x5eed0c00c1e0000fULL

static int refusal_failed, other_failed, passed;

static void result(int ok, int refusal, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void result(int ok, int refusal, const char *fmt, ...)
{
	va_list ap;

	printf("%s: ", ok ? "PASS" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (ok)
		passed++;
	else if (refusal)
		refusal_failed++;
	else
		other_failed++;
}

__attribute__((noinline)) int uprobe_target(int x)
{
	asm volatile ("" : "+r"(x));
	return x + 1;
}

static int pmu_type(const char *pmu)
{
	char path[128];
	FILE *f;
	int t = -1;

	snprintf(path, sizeof(path), "/sys/bus/event_source/devices/%s/type", pmu);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fscanf(f, "%d", &t) != 1)
		t = -1;
	fclose(f);
	return t;
}

/* file offset of a function of this binary, from /proc/self/maps */
static long self_offset(void *fn, char *path, size_t len)
{
	unsigned long start, end, off, addr = (unsigned long)fn;
	char line[512], perms[8], file[400];
	FILE *f = fopen("/proc/self/maps", "r");
	long ret = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		file[0] = 0;
		if (sscanf(line, "%lx-%lx %7s %lx %*s %*s %399s", &start, &end,
			   perms, &off, file) < 4)
			continue;
		if (addr >= start && addr < end && perms[2] == 'x') {
			ret = addr - start + off;
			snprintf(path, len, "%s", file);
			break;
		}
	}
	fclose(f);
	return ret;
}

static unsigned long ksym_addr(const char *name)
{
	unsigned long a, ret = 0;
	char line[256], sym[200], t;
	FILE *f = fopen("/proc/kallsyms", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx %c %199s", &a, &t, sym) == 3 &&
		    !strcmp(sym, name)) {
			ret = a;
			break;
		}
	}
	fclose(f);
	return ret;
}

static char exe[400];
static long uoff;

/* a new perf event: kprobe on KSYM or uprobe on uprobe_target() */
static int open_event(int uprobe)
{
	struct perf_event_attr attr = {};
	int type = pmu_type(uprobe ? "uprobe" : "kprobe");

	if (type < 0)
		return -1;
	attr.size = sizeof(attr);
	attr.type = type;
	if (uprobe) {
		attr.config1 = (uint64_t)(unsigned long)exe;
		attr.config2 = uoff;
	} else {
		attr.config1 = (uint64_t)(unsigned long)KSYM;
		attr.config2 = 0;
	}
	return syscall(__NR_perf_event_open, &attr, -1, 0, -1, PERF_FLAG_FD_CLOEXEC);
}

static void trigger(int uprobe)
{
	if (uprobe)
		uprobe_target(41);
	else
		syscall(__NR_getppid);
}

static const char *kind(int uprobe)
{
	return uprobe ? "uprobe" : "kprobe";
}

static int load(enum bpf_attach_type eat, const struct bpf_insn *insns, size_t cnt)
{
	LIBBPF_OPTS(bpf_prog_load_opts, opts, .expected_attach_type = eat);
	static char log[4096];

	opts.log_buf = log;
	opts.log_size = sizeof(log);
	opts.log_level = 0;
	return bpf_prog_load(BPF_PROG_TYPE_KPROBE, NULL, "GPL", insns, cnt, &opts);
}

static void check_refused(enum bpf_attach_type eat, const char *name)
{
	const struct bpf_insn ret0[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	int prog, uprobe;

	prog = load(eat, ret0, 2);
	result(prog >= 0, 0, "%s: bpf_prog_load (%s)", name,
	       prog >= 0 ? "ok" : strerror(errno));
	if (prog < 0)
		return;
	for (uprobe = 0; uprobe <= 1; uprobe++) {
		int pfd = open_event(uprobe), link, err, e;

		if (pfd < 0) {
			result(0, 0, "%s: %s perf_event_open: %s", name, kind(uprobe),
			       strerror(errno));
			continue;
		}
		link = bpf_link_create(prog, pfd, BPF_PERF_EVENT, NULL);
		e = errno;
		result(link < 0 && e == EINVAL, 1,
		       "%s on %s: link_create(BPF_PERF_EVENT) %s", name, kind(uprobe),
		       link >= 0 ? "accepted the program (expected EINVAL)" :
		       e == EINVAL ? "refused (EINVAL)" : strerror(e));
		if (link >= 0)
			close(link);
		close(pfd);

		pfd = open_event(uprobe);
		if (pfd < 0) {
			result(0, 0, "%s: %s perf_event_open: %s", name, kind(uprobe),
			       strerror(errno));
			continue;
		}
		err = ioctl(pfd, PERF_EVENT_IOC_SET_BPF, prog);
		e = errno;
		result(err < 0 && e == EINVAL, 1,
		       "%s on %s: ioctl(PERF_EVENT_IOC_SET_BPF) %s", name, kind(uprobe),
		       !err ? "accepted the program (expected EINVAL)" :
		       e == EINVAL ? "refused (EINVAL)" : strerror(e));
		close(pfd);
	}
	close(prog);
}

struct val {
	uint64_t ip, cookie, hits;
};

/* type 0 control: map[0] = { bpf_get_func_ip(), bpf_get_attach_cookie(), hits++ } */
static void check_control(void)
{
	unsigned long kaddr = ksym_addr(KSYM);
	int map, prog, uprobe, how;

	map = bpf_map_create(BPF_MAP_TYPE_ARRAY, "ctl", 4, sizeof(struct val), 1, NULL);
	if (map < 0) {
		result(0, 0, "control: map create: %s", strerror(errno));
		return;
	}
	{
		struct bpf_insn p[] = {
			{ .code = BPF_ALU64 | BPF_MOV | BPF_X, .dst_reg = 6, .src_reg = 1 },
			{ .code = BPF_ST | BPF_MEM | BPF_W, .dst_reg = 10, .off = -4, .imm = 0 },
			{ .code = BPF_LD | BPF_DW | BPF_IMM, .dst_reg = 1,
			  .src_reg = BPF_PSEUDO_MAP_FD, .imm = map },
			{ 0 },
			{ .code = BPF_ALU64 | BPF_MOV | BPF_X, .dst_reg = 2, .src_reg = 10 },
			{ .code = BPF_ALU64 | BPF_ADD | BPF_K, .dst_reg = 2, .imm = -4 },
			{ .code = BPF_JMP | BPF_CALL, .imm = BPF_FUNC_map_lookup_elem },
			{ .code = BPF_JMP | BPF_JEQ | BPF_K, .dst_reg = 0, .off = 9, .imm = 0 },
			{ .code = BPF_ALU64 | BPF_MOV | BPF_X, .dst_reg = 7, .src_reg = 0 },
			{ .code = BPF_ALU64 | BPF_MOV | BPF_X, .dst_reg = 1, .src_reg = 6 },
			{ .code = BPF_JMP | BPF_CALL, .imm = BPF_FUNC_get_func_ip },
			{ .code = BPF_STX | BPF_MEM | BPF_DW, .dst_reg = 7, .src_reg = 0, .off = 0 },
			{ .code = BPF_ALU64 | BPF_MOV | BPF_X, .dst_reg = 1, .src_reg = 6 },
			{ .code = BPF_JMP | BPF_CALL, .imm = BPF_FUNC_get_attach_cookie },
			{ .code = BPF_STX | BPF_MEM | BPF_DW, .dst_reg = 7, .src_reg = 0, .off = 8 },
			{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 1, .imm = 1 },
			{ .code = BPF_STX | BPF_ATOMIC | BPF_DW, .dst_reg = 7, .src_reg = 1,
			  .off = 16, .imm = BPF_ADD },
			{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
			{ .code = BPF_JMP | BPF_EXIT },
		};
		prog = load(0, p, sizeof(p) / sizeof(p[0]));
	}
	result(prog >= 0, 0, "control (type 0): bpf_prog_load (%s)",
	       prog >= 0 ? "ok" : strerror(errno));
	if (prog < 0)
		goto out;
	result(kaddr != 0, 0, "control: %s in /proc/kallsyms (%#lx)", KSYM, kaddr);

	for (uprobe = 0; uprobe <= 1; uprobe++) {
		uint64_t want_ip = uprobe ? (uint64_t)(unsigned long)uprobe_target : kaddr;

		for (how = 0; how <= 1; how++) {	/* 0: ioctl, 1: perf link + cookie */
			uint64_t want_cookie = how ? COOKIE : 0;
			struct val v = {};
			int key = 0, pfd, link = -1, err;

			bpf_map_update_elem(map, &key, &v, 0);
			pfd = open_event(uprobe);
			if (pfd < 0) {
				result(0, 0, "control on %s: perf_event_open: %s", kind(uprobe),
				       strerror(errno));
				continue;
			}
			if (how) {
				LIBBPF_OPTS(bpf_link_create_opts, lo,
					    .perf_event.bpf_cookie = COOKIE);
				link = bpf_link_create(prog, pfd, BPF_PERF_EVENT, &lo);
				err = link < 0 ? -1 : 0;
			} else {
				err = ioctl(pfd, PERF_EVENT_IOC_SET_BPF, prog);
			}
			result(!err, 0, "control on %s: %s attaches (%s)", kind(uprobe),
			       how ? "link_create(BPF_PERF_EVENT)" : "ioctl(PERF_EVENT_IOC_SET_BPF)",
			       err ? strerror(errno) : "ok");
			if (!err) {
				trigger(uprobe);
				bpf_map_lookup_elem(map, &key, &v);
				/* the uprobe fires on this one call only */
				result((uprobe ? v.hits == 1 : v.hits >= 1) && v.ip == want_ip && v.cookie == want_cookie, 0,
				       "control on %s via %s: hits %" PRIu64 ", func_ip %#" PRIx64
				       " (want %#" PRIx64 "), cookie %#" PRIx64 " (want %#" PRIx64 ")",
				       kind(uprobe), how ? "link" : "ioctl", v.hits, v.ip, want_ip,
				       v.cookie, want_cookie);
			}
			if (link >= 0)
				close(link);
			close(pfd);
		}
	}
	close(prog);
out:
	close(map);
}

int main(void)
{
	static const struct {
		enum bpf_attach_type eat;
		const char *name;
	} types[] = {
		{ BPF_TRACE_KPROBE_MULTI, "kprobe_multi" },
		{ BPF_TRACE_KPROBE_SESSION, "kprobe_session" },
		{ BPF_TRACE_UPROBE_MULTI, "uprobe_multi" },
		{ BPF_TRACE_UPROBE_SESSION, "uprobe_session" },
	};
	char cmdline[4096] = "";
	FILE *f = fopen("/proc/cmdline", "r");
	size_t i;

	if (f) {
		if (!fgets(cmdline, sizeof(cmdline), f))
			cmdline[0] = 0;
		fclose(f);
	}
	/* attaches programs to kernel events: run it in scripts/vmtest only */
	if (!strstr(cmdline, "rdinit=/init") && !getenv("PERF_MULTI_REFUSE_ANYWHERE")) {
		fprintf(stderr, "perf_multi_refuse: not in a scripts/vmtest guest; refusing to run\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	uoff = self_offset((void *)uprobe_target, exe, sizeof(exe));
	if (uoff < 0 || !exe[0]) {
		printf("FAIL: cannot find uprobe_target() in /proc/self/maps\n");
		return 2;
	}
	{
		struct utsname u;

		uname(&u);
		printf("kernel %s; kprobe on %s, uprobe on %s+%#lx\n", u.release, KSYM,
		       exe, uoff);
	}
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		check_refused(types[i].eat, types[i].name);
	check_control();
	printf("perf_multi_refuse: %d passed, %d refusal failures, %d other failures\n",
	       passed, refusal_failed, other_failed);
	return other_failed ? 2 : refusal_failed ? 1 : 0;
}
