# gnuplot -e "datafile='...'; outfile='...'" bench/plot.gp
set terminal pngcairo size 1200,520
set output outfile
set title "token (patched libbpf, container) / privileged (stock libbpf, root), medians of one run;\nno token: patched / stock (should be 1)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y 2
set yrange [0.0005:64]
set key top left horizontal
set grid ytics
set xtics rotate by -35
set ylabel "ratio"
plot datafile using 2:xtic(1) title "start-up (token)", '' using 3 title "detach (token)", \
	'' using 4 title "per hit, runs/s (token)", '' using 5 title "start-up, no token: patched/stock", \
	1 with lines lc "black" notitle
