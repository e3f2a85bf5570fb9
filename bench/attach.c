// SPDX-License-Identifier: GPL-2.0
/* Start-up, shut-down and per-hit cost of N kprobe or uprobe programs of
 * attach.bpf.o: open + load, attach (each program its own link), hits,
 * detach.  The same unmodified object runs as root (stock or patched
 * libbpf, no token) and in a container (scripts/container: patched libbpf
 * makes a token from the delegated /sys/fs/bpf by itself).
 *
 *   attach <object> k|u <N> <reps> [<hit_ms>]
 *
 * One line per repetition:
 *   load_ms attach_ms detach_ms fds_per_probe hits attach_type mhits_per_s
 * fds_per_probe: the program's fd plus its link's fds, (fds attached -
 * fds loaded) / N + 1; hits: what one call of the probed function counted
 * (N when every program fired once); attach_type: the programs'
 * expected_attach_type (0: perf event probe, 42: kprobe_multi, 48:
 * uprobe_multi); mhits_per_s: program runs per second (millions) while
 * calling the probed function in a loop for hit_ms (0 without hit_ms).
 * A loop whose programs did not count N hits per call fails (exit 1).
 * Kprobes hit __x64_sys_getppid (getppid(), a syscall that does next to
 * nothing, so that the probe's cost shows), uprobes bench_func() below.
 *
 * Between phases it calls access("bench-phase:<next phase>") outside the
 * timed spans, a marker for scripts/trace-syscalls' per-phase counts.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <bpf/libbpf.h>

#define MAX 100

/* the uprobe target starts with a nop, which the kernel emulates (no
 * single-step out of line), as the selftests' uprobe bench targets do */
int bench_func(int x);
asm(".text\n.globl bench_func\n.type bench_func, @function\n"
    "bench_func:\n\tnop\n\tlea 0x1(%rdi), %eax\n\tret\n.size bench_func, .-bench_func\n");

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void phase(const char *name)
{
	char path[64];

	snprintf(path, sizeof(path), "bench-phase:%s", name);
	syscall(SYS_access, path, F_OK);
}

static int count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	while (d && readdir(d))
		n++;
	if (d)
		closedir(d);
	return n - 3;	/* ".", ".." and the DIR's own fd */
}

static int quiet(enum libbpf_print_level level, const char *fmt, va_list args)
{
	return level == LIBBPF_WARN ? vfprintf(stderr, fmt, args) : 0;
}

static void trigger(char kind, int i)
{
	if (kind == 'u')
		bench_func(i);
	else
		syscall(SYS_getppid);
}

static __u64 read_hits(struct bpf_map *bss)
{
	__u64 hits = 0;
	int key = 0;

	bpf_map__lookup_elem(bss, &key, sizeof(key), &hits, sizeof(hits), 0);
	return hits;
}

static void zero_hits(struct bpf_map *bss)
{
	__u64 zero = 0;
	int key = 0;

	bpf_map__update_elem(bss, &key, sizeof(key), &zero, sizeof(zero), 0);
}

int main(int argc, char **argv)
{
	int n, reps, r, i, nl, fds_loaded, fds_attached, hit_ms = 0, type = -1;
	double t0, t1, t2, t3, t4, t5, rate;
	struct bpf_link *links[MAX];
	struct bpf_program *prog;
	struct bpf_object *obj;
	struct bpf_map *bss;
	__u64 hits, calls;
	char kind;

	if ((argc != 5 && argc != 6) || (argv[2][0] != 'k' && argv[2][0] != 'u')) {
		fprintf(stderr, "usage: attach <object> k|u <N> <reps> [<hit_ms>]\n");
		return 2;
	}
	kind = argv[2][0];
	n = atoi(argv[3]);
	reps = atoi(argv[4]);
	if (argc == 6)
		hit_ms = atoi(argv[5]);
	if (n < 1 || n > MAX)
		return 2;
	libbpf_set_print(quiet);
	for (r = 0; r < reps; r++) {
		phase("open+load");
		t0 = now_ms();
		obj = bpf_object__open_file(argv[1], NULL);
		if (!obj) {
			perror("open");
			return 1;
		}
		bpf_object__for_each_program(prog, obj) {
			const char *name = bpf_program__name(prog);

			bpf_program__set_autoload(prog, name[0] == kind && atoi(name + 1) < n);
		}
		if (bpf_object__load(obj)) {
			perror("load");
			return 1;
		}
		t1 = now_ms();
		fds_loaded = count_fds();
		phase("attach");
		t2 = now_ms();
		nl = 0;
		bpf_object__for_each_program(prog, obj) {
			if (!bpf_program__autoload(prog))
				continue;
			type = bpf_program__expected_attach_type(prog);
			links[nl] = bpf_program__attach(prog);
			if (!links[nl]) {
				perror("attach");
				return 1;
			}
			nl++;
		}
		t3 = now_ms();
		fds_attached = count_fds();
		phase("hits");
		bss = bpf_object__find_map_by_name(obj, ".bss");
		if (!bss) {
			fprintf(stderr, "attach: no .bss map\n");
			return 1;
		}
		zero_hits(bss);
		trigger(kind, r);
		hits = read_hits(bss);
		rate = 0;
		if (hit_ms > 0) {
			double s, e;

			zero_hits(bss);
			calls = 0;
			s = now_ms();
			do {
				for (i = 0; i < 64; i++)
					trigger(kind, i);
				calls += 64;
				e = now_ms();
			} while (e - s < hit_ms);
			if (read_hits(bss) != calls * n) {
				fprintf(stderr, "attach: %c N=%d: %llu calls in the hit loop counted %llu hits, not %llu\n",
					kind, n, (unsigned long long)calls,
					(unsigned long long)read_hits(bss),
					(unsigned long long)(calls * n));
				return 1;
			}
			rate = calls * n / ((e - s) * 1e3);
		}
		phase("detach");
		t4 = now_ms();
		for (i = 0; i < nl; i++)
			bpf_link__destroy(links[i]);
		bpf_object__close(obj);
		t5 = now_ms();
		phase("end");
		printf("%.2f %.2f %.2f %.2f %llu %d %.4f\n", t1 - t0, t3 - t2, t5 - t4,
		       (double)(fds_attached - fds_loaded) / n + 1, (unsigned long long)hits, type, rate);
	}
	return 0;
}
