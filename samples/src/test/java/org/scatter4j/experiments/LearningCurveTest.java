package org.scatter4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scatter4j.classifiers.PowerTransform;
import org.scatter4j.io.LabelledImages;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.scattering.Scattering2D;

/** The learning curve's choice between candidates, by cross-validation and, above the CV cap, on a held-out fifth. */
class LearningCurveTest {

    @Test
    void aboveTheCrossValidationCapCandidatesAreComparedOnAHeldOutFifth() throws Exception {
        MnistDataset ds = MnistDataset.bundledSubset();
        LabelledImages train = ds.train(300);
        LabelledImages test = ds.test();
        Scattering2D s = Scattering2D.builder().J(2).L(8).maxOrder(2).shape(28, 28).build();
        float[] trainFeatures = s.transformBatch(train.images().pixels(), train.size());
        float[] testFeatures = s.transformBatch(test.images().pixels(), test.size());
        List<Map<String, Object>> rows = LearningCurve.run(s, train.images().pixels(), test.images().pixels(), trainFeatures,
                train.labels(), testFeatures, test.labels(), new int[] {300, 150}, new PowerTransform(0.5),
                new LearningCurve.Settings(LearningCurve.Settings.defaults().cGrid(), 200, 1), 2, LearningCurve.Extractor.batch(2), r -> { });
        assertEquals(2, rows.size());
        assertEquals("cv", rows.get(0).get("selection"), "150 images: within the cap");
        assertEquals("holdout", rows.get(1).get("selection"), "300 images: above the cap of 200");
        for (Map<String, Object> r : rows) {
            String[] candidates = {"svm", "pca", "pca_virtual"};
            double best = -1;
            String bestName = null;
            for (String c : candidates) {
                double score = (double) r.get(c + "_selection_accuracy");
                assertTrue(score > 0.5 && score <= 1, c + " scores " + score + " at " + r.get("train_size"));
                if (score > best) {
                    best = score;
                    bestName = c;
                }
            }
            assertEquals(bestName, r.get("chosen_by_cv"), "the best-scoring candidate is chosen");
            assertEquals((double) r.get(bestName + "_test_error"), (double) r.get("test_error"), 0.0);
        }
    }
}
