// SPDX-License-Identifier: GPL-2.0
/* Load a BPF object and print the attach type libbpf loaded each program
 * with: 0 means a perf event based probe.
 */
#include <stdio.h>
#include <bpf/libbpf.h>

int main(int argc, char **argv)
{
	struct bpf_program *prog;
	struct bpf_object *obj;
	int err;

	if (argc != 2) {
		fprintf(stderr, "usage: %s OBJECT\n", argv[0]);
		return 2;
	}
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj) {
		fprintf(stderr, "open %s failed\n", argv[1]);
		return 1;
	}
	err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "load %s failed: %d\n", argv[1], err);
		return 1;
	}
	bpf_object__for_each_program(prog, obj) {
		enum bpf_attach_type t = bpf_program__expected_attach_type(prog);

		printf("%-34s %s\n", bpf_program__section_name(prog),
		       t ? libbpf_bpf_attach_type_str(t) : "perf event (0)");
	}
	bpf_object__close(obj);
	return 0;
}
