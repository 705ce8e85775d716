package org.scatter4j.cli;

import org.scatter4j.io.OutputFiles;
import org.scatter4j.io.OutputTransaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.scatter4j.experiments.LearningCurve;

/** The command line's side of {@link LearningCurve}: its printed line per training size and its files (CSV, JSON, chart). */
final class LearningCurveFiles {
    private LearningCurveFiles() {
    }

    /** The line printed for one row of {@link LearningCurve#run}. */
    static void print(Map<String, Object> r) {
        int n = (Integer) r.get("train_size");
        Integer virtualD = (Integer) r.get("pca_virtual_d");
        boolean holdout = "holdout".equals(r.get("selection"));
        Map<Integer, Double> bm = LearningCurve.BRUNA_MALLAT;
        System.out.printf("%6d training images: SVM (J=%d, C=%s) %.2f %%, PCA (J=%d, d=%d) %.2f %%%s, chosen by CV: %s%s%n", n,
                r.get("svm_J"), MnistCommand.fmt((Double) r.get("svm_C")), 100 * (double) r.get("svm_test_error"), r.get("pca_J"),
                r.get("pca_d"), 100 * (double) r.get("pca_test_error"),
                virtualD == null ? "" : String.format(", PCA + virtual samples (d=%d) %.2f %%", virtualD,
                        100 * (double) r.get("pca_virtual_test_error")),
                r.get("chosen_by_cv") + (holdout ? " (compared on a held-out fifth)" : ""),
                bm.containsKey(n) ? String.format("; Bruna-Mallat %.2f %%", bm.get(n)) : "");
    }

    /** learning_curve.csv, learning_curve.json and learning_curve.png in {@code dir}. */
    static List<Path> files(Path dir) {
        return List.of(dir.resolve("learning_curve.csv"), dir.resolve("learning_curve.json"), dir.resolve("learning_curve.png"));
    }

    /** Creates {@code dir} if needed and declares the {@link #files} in {@code outputs}, before the work. */
    static void declare(OutputTransaction outputs, Path dir) throws java.io.IOException {
        OutputFiles.prepareFolder(dir);
        for (Path p : files(dir)) {
            outputs.declare(p, "--out");
        }
    }

    /** Writes the {@link #files} (declared by {@link #declare}); published by the outputs' commit. */
    static void write(OutputTransaction outputs, List<Map<String, Object>> rows, Path dir, String title) throws java.io.IOException {
        Path csv = files(dir).get(0);
        Path json = files(dir).get(1);
        Path png = files(dir).get(2);
        StringBuilder b = new StringBuilder(String.join(",", rows.get(0).keySet()) + "\n");
        for (Map<String, Object> r : rows) {
            b.append(String.join(",", r.values().stream().map(v -> v == null ? "" : v.toString()).toList())).append('\n');
        }
        outputs.writeString(csv, b);
        JsonOutput.write(outputs, json, rows);
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("training images (log scale)")
                .yAxisTitle("test error (%)").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.InsideNE)
                .setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("#,###").setYAxisDecimalPattern("0.0#");
        // labels between the decades too: the whole curve lies between 0.5 and 10 %
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        double[] xs = rows.stream().mapToDouble(r -> ((Number) r.get("train_size")).doubleValue()).toArray();
        chart.addSeries("scatter4j (classifier chosen by CV)", xs, rows.stream().mapToDouble(r -> 100 * (double) r.get("test_error")).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("scatter4j best of the three on the test set", xs,
                rows.stream().mapToDouble(r -> 100 * (double) r.get("best_test_error")).toArray()).setMarker(SeriesMarkers.NONE)
                .setLineColor(java.awt.Color.BLACK).setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        chart.addSeries("scatter4j linear SVM", xs, rows.stream().mapToDouble(r -> 100 * (double) r.get("svm_test_error")).toArray())
                .setMarker(SeriesMarkers.DIAMOND);
        chart.addSeries("scatter4j affine PCA", xs, rows.stream().mapToDouble(r -> 100 * (double) r.get("pca_test_error")).toArray())
                .setMarker(SeriesMarkers.SQUARE);
        double[] vx = rows.stream().filter(r -> r.get("pca_virtual_test_error") != null)
                .mapToDouble(r -> ((Number) r.get("train_size")).doubleValue()).toArray();
        if (vx.length > 0) {
            chart.addSeries("scatter4j affine PCA + virtual samples", vx, rows.stream().filter(r -> r.get("pca_virtual_test_error") != null)
                    .mapToDouble(r -> 100 * (double) r.get("pca_virtual_test_error")).toArray()).setMarker(SeriesMarkers.CROSS);
        }
        double[] bx = rows.stream().filter(r -> r.get("bruna_mallat_pca_error") != null)
                .mapToDouble(r -> ((Number) r.get("train_size")).doubleValue()).toArray();
        if (bx.length > 0) {
            chart.addSeries("Bruna & Mallat 2013, order 2 + PCA", bx, rows.stream().filter(r -> r.get("bruna_mallat_pca_error") != null)
                    .mapToDouble(r -> 100 * (double) r.get("bruna_mallat_pca_error")).toArray()).setMarker(SeriesMarkers.TRIANGLE_UP)
                    .setMarkerColor(java.awt.Color.GRAY).setLineColor(java.awt.Color.GRAY);
        }
        try (java.io.OutputStream o = outputs.open(png)) {
            BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
