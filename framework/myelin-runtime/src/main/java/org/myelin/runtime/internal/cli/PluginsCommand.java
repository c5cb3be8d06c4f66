package org.myelin.runtime.internal.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.myelin.runtime.internal.catalog.BundleProblem;
import org.myelin.runtime.internal.catalog.PluginEntry;
import org.myelin.runtime.internal.json.JsonOut;

/** {@code myelin plugins [--json]}: every plugin with kind, id, version, bundle and state, plus bundles that did not load. */
final class PluginsCommand {

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("json").desc("print JSON").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    static int run(Host host, CommandLine cl, Io io) {
        List<PluginEntry> plugins = host.catalog.list();
        List<BundleProblem> problems = host.catalog.problems();
        if (cl.hasOption("json")) {
            List<Object> ps = new ArrayList<>();
            for (PluginEntry p : plugins) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", p.kind());
                m.put("id", p.id());
                m.put("version", p.version());
                m.put("bundle", p.bundle());
                m.put("bundle_id", p.bundleId());
                m.put("state", p.state());
                m.put("description", p.description());
                m.put("location", p.location());
                ps.add(m);
            }
            List<Object> pr = new ArrayList<>();
            for (BundleProblem p : problems) {
                pr.add(Map.of("bundle", p.bundle(), "version", p.version(), "state", p.state(), "reason", p.reason()));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("plugins", ps);
            out.put("problems", pr);
            io.out().println(JsonOut.write(out, true));
            return ExitCodes.OK;
        }
        Table t = new Table("KIND", "ID", "VERSION", "BUNDLE", "STATE", "DESCRIPTION");
        for (PluginEntry p : plugins) {
            t.row(p.kind(), p.id(), p.version(), p.bundle(), p.state(), p.description());
        }
        if (t.isEmpty()) {
            io.out().println("no plugins registered");
        } else {
            t.print(io.out());
        }
        if (!problems.isEmpty()) {
            io.out().println();
            io.out().println("Bundles and components that did not load:");
            for (BundleProblem p : problems) {
                io.out().println("  " + p.bundle() + (p.version().isEmpty() ? "" : " " + p.version()) + " [" + p.state() + "]: "
                        + p.reason());
            }
        }
        return ExitCodes.OK;
    }
}
