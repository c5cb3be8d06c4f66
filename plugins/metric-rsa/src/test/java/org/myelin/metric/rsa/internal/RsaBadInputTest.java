package org.myelin.metric.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.Parameters;

/** Degenerate inputs of science/metrics.md section 3.4 and bad side files, each with a message that names it. */
class RsaBadInputTest {

    private final RsaReferenceTest t = new RsaReferenceTest();

    @TempDir
    Path dir;

    private static Matrix gaussian(long seed, int rows, int cols) {
        Random rnd = new Random(seed);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextGaussian();
        }
        return new Matrix(rows, cols, d);
    }

    private InvalidInputException rejected(Matrix x, Matrix y, Object... kv) {
        return assertThrows(InvalidInputException.class, () -> t.run(x, y, kv));
    }

    @Test
    void constantStimulusUnderCorrelationRdmIsNamed() throws IOException {
        Matrix x = RsaReferenceTest.csv("rsa_ties_x_16x5.csv");
        Matrix y = RsaReferenceTest.csv("rsa_ties_y_16x4.csv");
        int row = (int) RsaReferenceTest.ref("ties.constant_row_x");
        InvalidInputException e = rejected(x, y);
        assertEquals("x", e.input());
        assertTrue(e.getMessage().contains("stimulus (row) " + row + " is constant across its 5 units"), e.getMessage());
        assertTrue(e.fix().contains("rdm=euclidean"), e.fix());
    }

    @Test
    void tooFewStimuliAndDifferentCounts() {
        InvalidInputException two = rejected(gaussian(1, 2, 4), gaussian(2, 2, 3));
        assertTrue(two.getMessage().contains("at least 3 stimuli"), two.getMessage());
        InvalidInputException counts = rejected(gaussian(1, 10, 4), gaussian(2, 9, 4));
        assertTrue(counts.getMessage().contains("x has 10 stimuli (rows) but y has 9"), counts.getMessage());
    }

    @Test
    void zeroVarianceRdmIsRejectedForRankAndCorrelationComparisons() {
        // an equilateral simplex: every euclidean distance is equal
        Matrix x = Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        Matrix y = gaussian(3, 3, 2);
        for (String m : new String[] {"spearman", "pearson", "kendall-tau-b", "rho-a"}) {
            InvalidInputException e = rejected(x, y, "rdm", "euclidean", "compare", m);
            assertEquals("x", e.input());
            assertTrue(e.getMessage().contains("all entries of the RDM are equal"), e.getMessage());
        }
        assertEquals(1.0, t.run(x, x, "rdm", "euclidean", "compare", "cosine").value(), 1e-15);
    }

    @Test
    void rdmInputMustBeATriangleVector() {
        InvalidInputException shape = rejected(gaussian(1, 4, 4), gaussian(2, 4, 4), "input", "rdm");
        assertTrue(shape.getMessage().contains("must be a vector"), shape.getMessage());
        InvalidInputException length = rejected(new Matrix(1, 5, new double[5]), new Matrix(1, 5, new double[5]), "input", "rdm");
        assertTrue(length.getMessage().contains("5 entries is not n(n-1)/2"), length.getMessage());
        InvalidInputException differ = rejected(gaussian(1, 1, 6), gaussian(2, 1, 10), "input", "rdm");
        assertTrue(differ.getMessage().contains("x is an RDM of 4 stimuli (6 entries) but y of 5"), differ.getMessage());
        InvalidInputException one = rejected(gaussian(1, 1, 1), gaussian(2, 1, 1), "input", "rdm");
        assertTrue(one.getMessage().contains("at least 3 stimuli"), one.getMessage());
    }

    @Test
    void crossnobisNeedsConditionsAndFolds() throws IOException {
        Matrix x = gaussian(1, 12, 4);
        InvalidInputException e = rejected(x, x, "rdm", "crossnobis");
        assertTrue(e.getMessage().contains("needs both conditions=FILE and folds=FILE"), e.getMessage());
        Path cond = Files.writeString(dir.resolve("c.txt"), "1\n2\n3\n1\n2\n3\n1\n2\n3\n1\n2\n3\n");
        Path oneFold = Files.writeString(dir.resolve("f1.txt"), "7\n".repeat(12));
        InvalidInputException folds = rejected(x, x, "rdm", "crossnobis", "conditions", cond.toString(), "folds", oneFold.toString());
        assertTrue(folds.getMessage().contains("at least 2 folds"), folds.getMessage());
        // condition 3 appears only in fold 1
        Path missing = Files.writeString(dir.resolve("c2.txt"), "1\n2\n3\n1\n2\n1\n1\n2\n1\n1\n2\n2\n");
        Path twoFolds = Files.writeString(dir.resolve("f2.txt"), "1\n1\n1\n1\n1\n1\n2\n2\n2\n2\n2\n2\n");
        InvalidInputException gap = rejected(x, x, "rdm", "crossnobis", "conditions", missing.toString(), "folds", twoFolds.toString());
        assertTrue(gap.getMessage().contains("condition 3 occurs only in fold 1"), gap.getMessage());
    }

    @Test
    void sideFilesAreCheckedNamingParameterFileAndLine() throws IOException {
        Matrix x = gaussian(1, 6, 4);
        Path shortFile = Files.writeString(dir.resolve("short.txt"), "1\n2\n3\n");
        InvalidInputException count = rejected(x, x, "conditions", shortFile.toString());
        assertTrue(count.getMessage().startsWith("conditions (" + shortFile + "): has 3 labels but the representation has 6 rows"),
                count.getMessage());
        Path word = Files.writeString(dir.resolve("word.txt"), "1\n2\nthree\n4\n5\n6\n");
        InvalidInputException text = rejected(x, x, "conditions", word.toString());
        assertTrue(text.getMessage().contains("line 3: 'three' is not a number"), text.getMessage());
        Path half = Files.writeString(dir.resolve("half.txt"), "1\n2\n2.5\n4\n5\n6\n");
        assertTrue(rejected(x, x, "conditions", half.toString()).getMessage().contains("2.5 is not an integer"));
        InvalidInputException none = rejected(x, x, "conditions", dir.resolve("absent.txt").toString());
        assertTrue(none.getMessage().contains("file not found"), none.getMessage());
        Path folds = Files.writeString(dir.resolve("folds.txt"), "1\n1\n1\n2\n2\n2\n");
        InvalidInputException unused = rejected(x, x, "rdm", "euclidean", "folds", folds.toString());
        assertTrue(unused.getMessage().contains("only used by rdm=crossnobis"), unused.getMessage());
    }

    @Test
    void noiseMustMatchTheUnits() throws IOException {
        Matrix x = RsaReferenceTest.csv("rsa_cv_x_21x10.csv");
        Path noise = Files.writeString(dir.resolve("n.csv"), "1,0\n0,1\n");
        InvalidInputException e = rejected(x, x, "rdm", "crossnobis", "conditions",
                RsaReferenceTest.resource("rsa_cv_conditions.txt").toString(), "folds",
                RsaReferenceTest.resource("rsa_cv_folds.txt").toString(), "noise", noise.toString());
        assertTrue(e.getMessage().contains("is 2 x 2 but x has 10 units"), e.getMessage());
    }

    @Test
    void unknownChoicesAreRejectedListingTheValidOnes() {
        RsaMetric m = new RsaMetric();
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("rsa", m.parameters(), java.util.Map.of("compare", "kendall")));
        assertTrue(e.getMessage().contains("spearman|pearson|cosine|whitened-cosine|kendall-tau-a|kendall-tau-b|rho-a"),
                e.getMessage());
        InvalidParameterException name = assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("rsa", m.parameters(), java.util.Map.of("method", "x")));
        assertTrue(name.getMessage().contains("valid parameters: rdm, compare, input, include_rdms, conditions, folds, noise"),
                name.getMessage());
    }
}
