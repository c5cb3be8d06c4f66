package org.myelin.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The embedded Felix framework: configured from the layout and {@code conf/myelin.properties},
 * provisioned with {@code system/} and {@code plugins/} (installed by reference, not copied), with
 * FileInstall watching {@code deploy/}. Each process gets its own framework cache under
 * {@code data/felix-cache/<pid>}, so several commands can run at once; caches of dead processes are
 * removed at start.
 */
final class Host {

    private final Layout layout;
    private final PrintStream err;
    private Framework framework;
    private Path cache;

    Host(Layout layout, PrintStream err) {
        this.layout = layout;
        this.err = err;
    }

    Framework framework() {
        return framework;
    }

    /**
     * Starts the framework with every bundle of {@code system/} and {@code plugins/} (and the console
     * bundles when asked).
     *
     * @param console whether to start the Gogo shell
     * @param extra extra framework properties
     * @throws Exception when the framework itself cannot start
     */
    void start(boolean console, Map<String, String> extra) throws Exception {
        Path data = layout.data();
        Files.createDirectories(data);
        Path caches = data.resolve("felix-cache");
        removeStaleCaches(caches);
        cache = caches.resolve(Long.toString(ProcessHandle.current().pid()));

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "sun.misc");
        config.put("felix.fileinstall.dir", layout.deploy().toString());
        config.put("felix.fileinstall.poll", "1000");
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.filter", ".*\\.jar");
        config.put("felix.fileinstall.log.level", "1");
        config.put("felix.fileinstall.bundles.new.start", "true");
        config.put("felix.fileinstall.bundles.startTransient", "true");
        config.put("ds.loglevel", "warn");
        // Delayed components (the registry) stay active once used instead of closing when released.
        config.put("ds.delayed.keepInstances", "true");
        config.put("myelin.home", layout.home().toString());
        config.put("myelin.data.dir", data.toString());
        config.put("myelin.role", console ? "console" : "command");
        if (!console) {
            config.put("gosh.args", "--nointeractive");
        }
        Properties user = layout.userProperties();
        for (String k : user.stringPropertyNames()) {
            config.put(k, user.getProperty(k));
        }
        config.putAll(extra);
        Files.createDirectories(layout.deploy());

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Host.class.getClassLoader()).iterator().next();
        framework = factory.newFramework(config);
        framework.init();

        List<Path> jars = new ArrayList<>(Layout.jars(layout.system()));
        jars.addAll(Layout.jars(layout.plugins()));
        if (console) {
            jars.addAll(Layout.jars(layout.consoleBundles()));
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            try {
                installed.add(framework.getBundleContext().installBundle("reference:" + jar.toUri()));
            } catch (BundleException e) {
                err.println("warning: " + layout.home().relativize(jar) + " was not installed: " + e.getMessage());
            }
        }
        // Thread context class loader must not leak the launcher's class path into the framework
        // (JLine and Eclipse Collections look there first; see STACK.md section 3).
        Thread.currentThread().setContextClassLoader(null);
        framework.start();
        for (Bundle b : installed) {
            if (isFragment(b)) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException e) {
                err.println("warning: bundle " + b.getSymbolicName() + " did not start: " + firstLine(e.getMessage())
                        + " ('myelin plugins' explains)");
            }
        }
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision r = b.adapt(BundleRevision.class);
        return r != null && (r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Stops the framework (waiting up to the given time) and removes this process's cache.
     *
     * @param timeoutMs how long to wait for bundles to stop
     */
    void stop(long timeoutMs) {
        if (framework == null) {
            return;
        }
        try {
            framework.stop();
            framework.waitForStop(timeoutMs);
        } catch (Exception e) {
            err.println("warning: framework did not stop cleanly: " + e);
        }
        deleteTree(cache);
    }

    private static void removeStaleCaches(Path caches) throws IOException {
        if (!Files.isDirectory(caches)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(caches)) {
            for (Path p : s) {
                try {
                    long pid = Long.parseLong(p.getFileName().toString());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // not one of ours; remove it too
                }
                deleteTree(p);
            }
        }
    }

    static void deleteTree(Path p) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException ignored) {
                    // best effort: a stale cache is removed on a later start
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
