package org.myelin.runtime.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleDiagnosticsTest {

    @TempDir
    Path dir;

    @Test
    void halfCopiedJarIsReportedWithTheFix() throws IOException {
        Path jar = dir.resolve("plugin.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", "lab.plugin");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            j.putNextEntry(new java.util.zip.ZipEntry("a/B.class"));
            j.write(new byte[4096]);
        }
        assertTrue(BundleDiagnostics.checkJar(jar) == null, "a complete bundle is fine");
        byte[] all = Files.readAllBytes(jar);
        Path half = dir.resolve("half.jar");
        Files.write(half, java.util.Arrays.copyOf(all, all.length / 2));
        String reason = BundleDiagnostics.checkJar(half);
        assertTrue(reason != null && reason.contains("half-copied"), String.valueOf(reason));
    }

    @Test
    void jarWithoutOsgiManifestIsReported() throws IOException {
        Path jar = dir.resolve("plain.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            j.putNextEntry(new java.util.zip.ZipEntry("x.txt"));
        }
        assertTrue(BundleDiagnostics.checkJar(jar).contains("no OSGi manifest"));
    }

    @Test
    void missingPackageNamesTheVersionRangeInWords() {
        org.osgi.framework.BundleContext noBundles = (org.osgi.framework.BundleContext) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.osgi.framework.BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getBundles") ? new org.osgi.framework.Bundle[0] : null);
        // the message Felix 7.0.5 gives for a bundle importing org.example.missing;version="[1.0,2)"
        String felix = "Unable to resolve lab-needs-missing [12](R 12.0): missing requirement [lab-needs-missing [12](R 12.0)] "
                + "osgi.wiring.package; (&(osgi.wiring.package=org.example.missing)(version>=1.0.0)(!(version>=2.0.0))) "
                + "Unresolved requirements: [[lab-needs-missing [12](R 12.0)] osgi.wiring.package; "
                + "(&(osgi.wiring.package=org.example.missing)(version>=1.0.0)(!(version>=2.0.0)))]";
        String reason = new BundleDiagnostics(noBundles).explainResolution(felix);
        org.junit.jupiter.api.Assertions.assertEquals("missing package org.example.missing (version >= 1.0.0 and < 2.0.0); "
                + "no installed bundle exports it: add a bundle that exports org.example.missing to deploy/", reason);
    }
}
