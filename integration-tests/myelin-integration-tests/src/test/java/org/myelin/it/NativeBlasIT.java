package org.myelin.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.myelin.core.linalg.Blas;
import org.myelin.core.linalg.Lapack;
import org.myelin.core.linalg.Svd;
import org.myelin.it.support.Fixtures;
import org.myelin.it.support.MyelinContainer;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Inside a real Felix with the distribution's bundles, myelin-core finds OpenBLAS in the
 * myelin-openblas bundle (JavaCPP extracts the natives into a cache folder of the test, as
 * bin/myelin points it at data/cache/javacpp) and a dgemm, a dsyrk and an SVD give the values
 * worked out by hand in the comments.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NativeBlasIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return options(
                composite(MyelinContainer.withFreshData()),
                systemProperty("org.bytedeco.javacpp.cachedir").value(Fixtures.workDir().resolve("javacpp-cache").toString()));
    }

    @Test
    public void blasRunsOnOpenBlasInsideFelix() {
        assertTrue("backend is " + Blas.backend(), Blas.backend().startsWith("openblas 0.3.31"));
        Bundle core = FrameworkUtil.getBundle(Blas.class);
        assertEquals("myelin-core", core.getSymbolicName());
        Bundle blas = FrameworkUtil.getBundle(org.bytedeco.openblas.global.openblas.class);
        assertEquals("the natives come from our wrapper bundle", "myelin-openblas", blas.getSymbolicName());
    }

    @Test
    public void dgemmAndDsyrkGiveHandComputedValues() {
        // [1 2 3; 4 5 6] [7 8; 9 10; 11 12] = [58 64; 139 154], by hand
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {7, 8, 9, 10, 11, 12};
        double[] c = new double[4];
        Blas.dgemm(false, false, 2, 2, 3, 1.0, a, 0, 3, b, 0, 2, 0.0, c, 0, 2);
        assertArrayEquals(new double[] {58, 64, 139, 154}, c, 0.0);
        // A^T A for the same A: [17 22 27; 22 29 36; 27 36 45], by hand; both triangles written
        double[] g = new double[9];
        Blas.dsyrk(true, 3, 2, 1.0, a, 0, 3, 0.0, g, 0, 3);
        assertArrayEquals(new double[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, g, 0.0);
        Blas.setThreads(2);
        assertEquals(2, Blas.threads());
    }

    @Test
    public void svdGivesHandComputedSingularValues() {
        // [3 0; 4 5]: A^T A = [25 20; 20 25] has eigenvalues 45 and 5, so s = (sqrt 45, sqrt 5)
        Svd svd = Lapack.svd(new double[] {3, 0, 4, 5}, 2, 2);
        assertArrayEquals(new double[] {Math.sqrt(45), Math.sqrt(5)}, svd.s(), 1e-14);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double x = 0;
                for (int p = 0; p < 2; p++) {
                    x += svd.u()[i * 2 + p] * svd.s()[p] * svd.vt()[p * 2 + j];
                }
                assertEquals("U S Vt at (" + i + ", " + j + ")", new double[] {3, 0, 4, 5}[i * 2 + j], x, 1e-14);
            }
        }
    }
}
