# gnuplot -e "datafile='...'; outfile='...'" bench/plot.gp
set terminal pngcairo size 1100,500
set output outfile
set title "patched / stock libbpf, median time (below 1: the upgrade is faster)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y 2
set yrange [0.001:32]
set grid ytics
set xtics rotate by -35
set ylabel "ratio"
plot datafile using 2:xtic(1) title "attach", '' using 3 title "detach", '' using 4 title "open+load", 1 with lines lc "black" notitle
