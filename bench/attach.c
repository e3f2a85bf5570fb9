// SPDX-License-Identifier: GPL-2.0
/* Start-up and shut-down cost of N kprobe or uprobe programs of
 * attach.bpf.o: open + load, attach (each program its own link), detach.
 *
 *   attach <object> k|u <N> <reps>
 *
 * One line per repetition: load_ms attach_ms detach_ms fds hits, where fds
 * is the number of open fds while attached and hits what one call of the
 * probed function counted (N when every program fired once).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <bpf/libbpf.h>

#define MAX 100

__attribute__((noinline)) int bench_func(int x)
{
	asm volatile ("");
	return x + 1;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
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

int main(int argc, char **argv)
{
	struct bpf_link *links[MAX];
	struct bpf_program *prog;
	struct bpf_object *obj;
	double t0, t1, t2, t3, t4;
	int n, reps, r, i, nl, fds;
	struct bpf_map *bss;
	char kind;

	if (argc != 5 || (argv[2][0] != 'k' && argv[2][0] != 'u')) {
		fprintf(stderr, "usage: attach <object> k|u <N> <reps>\n");
		return 2;
	}
	kind = argv[2][0];
	n = atoi(argv[3]);
	reps = atoi(argv[4]);
	if (n < 1 || n > MAX)
		return 2;
	libbpf_set_print(quiet);
	for (r = 0; r < reps; r++) {
		__u64 hits = 0, zero = 0;
		int key = 0;

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
		nl = 0;
		bpf_object__for_each_program(prog, obj) {
			if (!bpf_program__autoload(prog))
				continue;
			links[nl] = bpf_program__attach(prog);
			if (!links[nl]) {
				perror("attach");
				return 1;
			}
			nl++;
		}
		t2 = now_ms();
		fds = count_fds();
		bss = bpf_object__find_map_by_name(obj, ".bss");
		bpf_map__update_elem(bss, &key, sizeof(key), &zero, sizeof(zero), 0);
		if (kind == 'u')
			bench_func(r);
		else
			usleep(1);
		bpf_map__lookup_elem(bss, &key, sizeof(key), &hits, sizeof(hits), 0);
		t3 = now_ms();
		for (i = 0; i < nl; i++)
			bpf_link__destroy(links[i]);
		bpf_object__close(obj);
		t4 = now_ms();
		printf("%.2f %.2f %.2f %d %llu\n", t1 - t0, t2 - t1, t4 - t3, fds,
		       (unsigned long long)hits);
	}
	return 0;
}
