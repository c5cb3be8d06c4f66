package org.myelin.runtime.internal.catalog;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Says in plain words why a bundle or component did not come up: the missing package and who
 * could provide it, the exception of a failed activation, the unsatisfied reference, or a jar in
 * {@code deploy/} that is not a bundle (for example half-copied).
 */
public final class BundleDiagnostics {

    private static final Pattern MISSING_PACKAGE = Pattern.compile(
            "osgi\\.wiring\\.package; \\(&\\(osgi\\.wiring\\.package=([^)]+)\\)(.*?)\\)\\s*(?:Unresolved|$|\\])");
    private static final Pattern MISSING_SIMPLE = Pattern.compile("osgi\\.wiring\\.package; \\(osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern MISSING_CAPABILITY = Pattern.compile("missing requirement \\[[^\\]]*\\] ([\\w.]+); (\\S+)");

    private final BundleContext context;

    /** @param context the runtime bundle's context */
    public BundleDiagnostics(BundleContext context) {
        this.context = context;
    }

    /** @return every problem found, bundles first, then components, then stray files */
    public List<BundleProblem> problems() {
        List<BundleProblem> out = new ArrayList<>();
        Set<String> locations = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            locations.add(b.getLocation());
            if (b.getBundleId() == 0 || isFragment(b)) {
                continue;
            }
            if (b.getState() == Bundle.INSTALLED) {
                out.add(new BundleProblem(name(b), b.getVersion().toString(), "INSTALLED", unresolvedReason(b)));
            } else if (b.getState() == Bundle.RESOLVED) {
                out.add(new BundleProblem(name(b), b.getVersion().toString(), "RESOLVED",
                        "resolved but not started (its activator may have thrown; see the log above)"));
            }
        }
        out.addAll(componentProblems());
        out.addAll(strayJars(locations));
        return out;
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision rev = b.adapt(BundleRevision.class);
        return rev != null && (rev.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String name(Bundle b) {
        return b.getSymbolicName() == null ? b.getLocation() : b.getSymbolicName();
    }

    private String unresolvedReason(Bundle b) {
        String message;
        try {
            b.start(Bundle.START_TRANSIENT);
            return "it was not started; started it now";
        } catch (BundleException e) {
            message = e.getMessage() == null ? e.toString() : e.getMessage();
        } catch (RuntimeException e) {
            message = e.toString();
        }
        return explainResolution(message);
    }

    /**
     * Turns a Felix resolution message into a sentence naming the missing package and its providers.
     *
     * @param message the framework's message
     * @return the explanation
     */
    String explainResolution(String message) {
        Matcher m = MISSING_PACKAGE.matcher(message);
        String pkg = null;
        String range = "";
        if (m.find()) {
            pkg = m.group(1);
            // the exclusive upper bound first: its text contains the lower bound's pattern
            range = m.group(2).replace("(!(version>=", " and < ").replace("(version>=", " >= ").replace(")", "").trim();
        } else {
            Matcher s = MISSING_SIMPLE.matcher(message);
            if (s.find()) {
                pkg = s.group(1);
            }
        }
        if (pkg == null) {
            Matcher c = MISSING_CAPABILITY.matcher(message);
            if (c.find()) {
                return "missing " + c.group(1) + " capability " + c.group(2) + " (framework message: " + message + ")";
            }
            return message;
        }
        StringBuilder sb = new StringBuilder("missing package ").append(pkg);
        if (!range.isEmpty()) {
            sb.append(" (version ").append(range).append(')');
        }
        List<String> exporters = exportersOf(pkg);
        if (exporters.isEmpty()) {
            sb.append("; no installed bundle exports it: add a bundle that exports ").append(pkg).append(" to deploy/");
        } else {
            sb.append("; exported by ").append(String.join(", ", exporters))
                    .append(", but not in a version or wiring this bundle accepts");
        }
        return sb.toString();
    }

    private List<String> exportersOf(String pkg) {
        List<String> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String exports = b.getHeaders("").get("Export-Package");
            if (exports == null) {
                continue;
            }
            for (String clause : splitClauses(exports)) {
                String[] parts = clause.split(";");
                if (parts[0].trim().equals(pkg)) {
                    String version = "0.0.0";
                    for (String p : parts) {
                        String t = p.trim();
                        if (t.startsWith("version=")) {
                            version = t.substring(8).replace("\"", "");
                        }
                    }
                    out.add(name(b) + " " + b.getVersion() + " (package version " + version + ", bundle state " + state(b) + ")");
                }
            }
        }
        return out;
    }

    private static List<String> splitClauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char ch : header.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /**
     * @param b a bundle
     * @return its state as a word
     */
    public static String state(Bundle b) {
        switch (b.getState()) {
            case Bundle.ACTIVE: return "ACTIVE";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            default: return "UNINSTALLED";
        }
    }

    private List<BundleProblem> componentProblems() {
        List<BundleProblem> out = new ArrayList<>();
        ServiceReference<?> ref = context.getServiceReference("org.osgi.service.component.runtime.ServiceComponentRuntime");
        if (ref == null) {
            return out;
        }
        Object svc = context.getService(ref);
        try {
            if (!(svc instanceof ServiceComponentRuntime)) {
                return out;
            }
            ServiceComponentRuntime scr = (ServiceComponentRuntime) svc;
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    String bundle = d.bundle == null ? "?" : d.bundle.symbolicName;
                    String version = d.bundle == null ? "" : d.bundle.version;
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        out.add(new BundleProblem(bundle, version, "FAILED_ACTIVATION",
                                "component " + d.name + " threw while activating: " + firstLine(c.failure)));
                    } else if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        List<String> refs = new ArrayList<>();
                        for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                            refs.add(u.name + (u.target == null ? "" : " " + u.target));
                        }
                        out.add(new BundleProblem(bundle, version, "UNSATISFIED",
                                "component " + d.name + " waits for a service: " + String.join(", ", refs)));
                    }
                }
            }
        } finally {
            context.ungetService(ref);
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private List<BundleProblem> strayJars(Set<String> locations) {
        List<BundleProblem> out = new ArrayList<>();
        String dir = context.getProperty("felix.fileinstall.dir");
        if (dir == null) {
            return out;
        }
        Path deploy = Path.of(dir);
        if (!Files.isDirectory(deploy)) {
            return out;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(deploy, "*.jar")) {
            for (Path jar : jars) {
                String uri = jar.toUri().toString();
                boolean installed = locations.stream().anyMatch(l -> l.endsWith(jar.getFileName().toString()) || l.equals(uri));
                if (installed) {
                    continue;
                }
                String reason = checkJar(jar);
                if (reason != null) {
                    out.add(new BundleProblem(jar.getFileName().toString(), "", "NOT_A_BUNDLE", reason));
                }
            }
        } catch (IOException e) {
            out.add(new BundleProblem(deploy.toString(), "", "UNREADABLE", "cannot list deploy folder: " + e.getMessage()));
        }
        return out;
    }

    /**
     * @param jar a jar file
     * @return why it is not a usable bundle, or {@code null} when it looks fine (not yet picked up)
     */
    static String checkJar(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest mf = jf.getManifest();
            if (mf == null || mf.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return "deploy/" + jar.getFileName() + " has no OSGi manifest (no Bundle-SymbolicName); build it as a bundle "
                        + "(see the plugin archetype)";
            }
            return null;
        } catch (IOException e) {
            return "deploy/" + jar.getFileName() + " is not a readable jar (" + e.getMessage()
                    + "); it may be half-copied: copy to a .part name and rename when complete";
        }
    }
}
