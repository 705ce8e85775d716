package org.scatter4j.samples;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.scatter4j.classifiers.ConfusionMatrix;
import org.scatter4j.classifiers.FeatureMatrix;
import org.scatter4j.classifiers.LinearSvm;
import org.scatter4j.classifiers.Standardizer;
import org.scatter4j.io.LabelledImages;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.scattering.Scattering2D;
import org.scatter4j.viz.FigureSet;

/**
 * The whole pipeline of Bruna and Mallat 2013 (section 4) in a few lines, on the MNIST subset bundled
 * in the jar: second-order scattering (J = 2, L = 8: 81 channels of 7 x 7 = 3969 features per digit),
 * per-feature standardization, a linear SVM, and the confusion matrix of the test digits. A linear
 * classifier suffices because scattering has already linearized the small deformations that make
 * two writings of a digit differ (see the deformation demo).
 */
public final class MnistDemo {
    public static final String NAME = "mnist";
    static final int TRAIN = 1000;
    static final int TEST = 500;

    /** The trained model's test predictions. */
    public record Outcome(int[] truth, int[] predicted, ConfusionMatrix confusion) {
    }

    private MnistDemo() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(run(Demos.folder(args, NAME), Demos.overwrite(args)).summary());
    }

    public static Outcome classify() throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        MnistDataset mnist = MnistDataset.bundledSubset();
        LabelledImages train = mnist.train(TRAIN);
        LabelledImages test = mnist.test(TEST);
        Scattering2D scattering = Scattering2D.builder().J(2).L(8).maxOrder(2).shape(28, 28).build();
        int d = scattering.featureCount();
        float[] xTrain = new float[TRAIN * d];
        float[] xTest = new float[TEST * d];
        scattering.extract(train.images().pixels(), TRAIN, xTrain, threads);
        scattering.extract(test.images().pixels(), TEST, xTest, threads);
        FeatureMatrix trainMatrix = FeatureMatrix.wrap(xTrain, TRAIN, d);
        FeatureMatrix testMatrix = FeatureMatrix.wrap(xTest, TEST, d);
        // scale every feature to zero mean and unit variance on the training set, then apply the same map to the test set
        Standardizer standardizer = Standardizer.fitTransform(trainMatrix, null);
        standardizer.transform(testMatrix);
        // a small C: with 3969 features and 1000 examples the classes are separable, regularization does the work
        LinearSvm svm = LinearSvm.builder().c(0.01).threads(threads).build();
        svm.fit(trainMatrix, train.labels());
        int[] predicted = svm.predict(testMatrix);
        return new Outcome(test.labels(), predicted, ConfusionMatrix.of(test.labels(), predicted));
    }

    public static DemoResult run(Path out, boolean overwrite) throws IOException {
        return write(classify(), out, overwrite);
    }

    /** Draws the figures of measured results (the tests measure once, then check both the numbers and the files). */
    static DemoResult write(Outcome o, Path out, boolean overwrite) throws IOException {
        ConfusionMatrix cm = o.confusion();
        FigureSet figures = new FigureSet().add("mnist_confusion.png", confusionChart(cm, String.format(
                "MNIST, %d train / %d test digits, scattering J=2 + linear SVM: test error %.1f %%", TRAIN, TEST,
                100 * cm.errorRate())));
        String summary = String.format("Test error %.1f %% (%d of %d digits misclassified) after training on %d digits.",
                100 * cm.errorRate(), Math.round(cm.errorRate() * cm.total()), cm.total(), TRAIN);
        return new DemoResult(NAME, figures.writeTo(out, overwrite), summary);
    }

    /** Rows: true digit (0 at the top); columns: predicted digit; each cell shows its count. */
    static HeatMapChart confusionChart(ConfusionMatrix cm, String title) {
        int[] labels = cm.labels();
        int k = labels.length;
        int[] x = labels.clone();
        int[] y = new int[k];
        for (int i = 0; i < k; i++) {
            y[i] = labels[k - 1 - i]; // the heat map's y axis grows upwards; reverse it so that row 0 is at the top
        }
        int[][] cells = new int[k][k]; // XChart's layout: cells[x index][y index] = value
        long max = 1;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                long n = cm.count(labels[t], labels[p]);
                max = Math.max(max, n);
                cells[p][k - 1 - t] = (int) n;
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(720).height(640).title(title)
                .xAxisTitle("predicted digit").yAxisTitle("true digit").build();
        var s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setShowValue(true);
        s.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setValueFontColor(Color.BLACK);
        s.setRangeColors(new Color[] {Color.WHITE, new Color(140, 190, 230), new Color(20, 90, 170)});
        s.setMin(0);
        s.setMax(max);
        s.setChartTitleBoxVisible(false);
        s.setLegendVisible(true);
        chart.addSeries("test digits", x, y, cells);
        return chart;
    }
}
