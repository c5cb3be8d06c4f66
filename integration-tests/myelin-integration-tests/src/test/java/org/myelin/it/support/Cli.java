package org.myelin.it.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Runs a {@code myelin} command in-process, the way the launcher does: it finds the runtime's
 * command-line service by its {@code myelin.cli=true} property and calls {@code execute} by
 * reflection, so only JDK types cross (the service class sits in a private package of
 * myelin-runtime).
 */
public final class Cli {

    /** The outcome of one command. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    /**
     * @param context a bundle context in the container
     * @param args the command and its arguments, e.g. {@code "plugins", "--json"}
     * @return exit code and captured output
     */
    public static Result run(BundleContext context, String... args) {
        ServiceReference<?> ref = Poll.until("the myelin command-line service (myelin.cli=true)", 10_000,
                () -> cliReference(context), r -> r != null);
        Object service = context.getService(ref);
        try {
            Method execute = service.getClass().getMethod("execute", String[].class, java.io.InputStream.class,
                    PrintStream.class, PrintStream.class, boolean.class);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                int rc = (Integer) execute.invoke(service, args, new ByteArrayInputStream(new byte[0]), o, e, false);
                return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("could not invoke myelin " + Arrays.toString(args), e);
        } finally {
            context.ungetService(ref);
        }
    }

    /**
     * Runs a command and requires exit code 0.
     *
     * @param context a bundle context in the container
     * @param args the command and its arguments
     * @return standard output
     */
    public static String ok(BundleContext context, String... args) {
        Result r = run(context, args);
        if (r.exitCode() != 0) {
            throw new AssertionError("myelin " + String.join(" ", args) + " failed: " + r);
        }
        return r.out();
    }

    private static ServiceReference<?> cliReference(BundleContext context) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(myelin.cli=true)");
            return refs == null ? null : refs[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
