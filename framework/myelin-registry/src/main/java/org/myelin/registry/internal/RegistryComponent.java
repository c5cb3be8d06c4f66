package org.myelin.registry.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;



import org.myelin.api.registry.ExperimentRegistry;
import org.myelin.api.registry.ImportResult;
import org.myelin.api.registry.MetricPoint;
import org.myelin.api.registry.RegistryInfo;
import org.myelin.api.registry.RegistryUnavailableException;
import org.myelin.api.registry.RunExport;
import org.myelin.api.registry.RunQuery;
import org.myelin.api.registry.RunRecord;
import org.myelin.api.registry.RunStart;
import org.myelin.api.registry.RunStatus;
import org.myelin.api.run.ArtifactStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The experiment registry service: a thin DS wrapper around {@link SqlRegistry}. It reads the
 * framework properties the launcher sets ({@code myelin.data.dir}, {@code myelin.role}) and those
 * copied from {@code conf/myelin.properties} ({@code myelin.registry.url}, {@code .user},
 * {@code .password}, {@code .share}), and opens the database through H2's
 * {@link DataSourceFactory} service (or, for another JDBC URL, the factory of that driver's bundle).
 * When the database cannot be opened, calls throw {@link RegistryUnavailableException} with a
 * message that says what is wrong and what to do.
 *
 * <p>The component is delayed: the database is opened (and the dead-owner sweep runs) when a
 * command first asks for the registry, not at every start of the host, so commands that never
 * touch it ({@code plugins}, {@code drivers}, {@code compare}) start about a second faster. The
 * launcher sets {@code ds.delayed.keepInstances=true}, so once opened it stays open for the life
 * of the host.
 */
@Component(service = ExperimentRegistry.class)
public final class RegistryComponent implements ExperimentRegistry {

    /** How long to wait for a holder of the embedded file that does not share it. */
    static final long LOCK_WAIT_MILLIS = 5000;

    /** A failed open is retried by calls that come at least this long after it. */
    static final long RETRY_AFTER_MILLIS = 2000;

    private final DataSourceFactory h2;
    private volatile SqlRegistry registry;
    private volatile RegistryUnavailableException failure;
    private volatile long failedAt;
    private BundleContext context;

    /**
     * @param h2 H2's data source factory (registered by the H2 bundle's activator)
     */
    @Activate
    public RegistryComponent(@Reference(target = "(osgi.jdbc.driver.class=org.h2.Driver)") DataSourceFactory h2) {
        this.h2 = h2;
    }

    /**
     * Opens the registry. When it cannot be opened (held by a process that does not share it,
     * unreachable server), the service still comes up and every call retries the open, then throws
     * a {@link RegistryUnavailableException} with the reason: the command line reports that as
     * exit code 5 with one plain message instead of a component failure with a stack trace, and a
     * long-lived console recovers once the holder has gone.
     */
    @Activate
    void activate(BundleContext context) {
        this.context = context;
        try {
            registry = open(context);
        } catch (RegistryUnavailableException e) {
            failure = e;
            failedAt = System.currentTimeMillis();
        }
    }

    private SqlRegistry registry() {
        SqlRegistry r = registry;
        if (r != null) {
            return r;
        }
        synchronized (this) {
            if (registry == null) {
                RegistryUnavailableException last = failure;
                if (last != null && System.currentTimeMillis() - failedAt < RETRY_AFTER_MILLIS) {
                    // the open just failed (and already waited for the holder): do not make the caller wait twice
                    throw new RegistryUnavailableException(last.getMessage(), last);
                }
                try {
                    registry = open(context);
                    failure = null;
                } catch (RegistryUnavailableException e) {
                    failure = e;
                    failedAt = System.currentTimeMillis();
                    throw new RegistryUnavailableException(e.getMessage(), e);
                }
            }
            return registry;
        }
    }

    private SqlRegistry open(BundleContext context) {
        Path data = dataDir(context);
        String url = context.getProperty("myelin.registry.url");
        RegistryConnector.DataSources sources = (jdbcUrl, user, password) -> factoryFor(context, jdbcUrl)
                .createDataSource(properties(jdbcUrl, user, password));
        RegistryConnector connector = new RegistryConnector(sources, data.resolve("registry"), url,
                context.getProperty("myelin.registry.user"), context.getProperty("myelin.registry.password"),
                RegistryConnector.Share.parse(context.getProperty("myelin.registry.share")),
                context.getProperty("myelin.role"), LOCK_WAIT_MILLIS);
        return new SqlRegistry(connector, data.resolve("runs"), Migrations.released());
    }

    @Deactivate
    synchronized void deactivate() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    private static Path dataDir(BundleContext context) {
        String data = context.getProperty("myelin.data.dir");
        if (data != null && !data.isBlank()) {
            return Path.of(data).toAbsolutePath().normalize();
        }
        String home = context.getProperty("myelin.home");
        return (home != null && !home.isBlank() ? Path.of(home) : Path.of("")).resolve("data").toAbsolutePath().normalize();
    }

    private DataSourceFactory factoryFor(BundleContext context, String jdbcUrl) throws SQLException {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return h2;
        }
        String driver = jdbcUrl.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : null;
        try {
            String filter = driver == null ? null : "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driver + ")";
            for (ServiceReference<DataSourceFactory> ref : context.getServiceReferences(DataSourceFactory.class, filter)) {
                DataSourceFactory f = context.getService(ref);
                if (f != null && (driver != null || acceptsUrl(f, jdbcUrl))) {
                    return f;
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new RegistryUnavailableException("no JDBC driver bundle for myelin.registry.url=" + jdbcUrl
                + " is installed; drop the driver's OSGi bundle (for PostgreSQL: org.postgresql:postgresql) into deploy/", null);
    }

    private static boolean acceptsUrl(DataSourceFactory f, String jdbcUrl) {
        try {
            return f.createDriver(null).acceptsURL(jdbcUrl);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Properties properties(String url, String user, String password) {
        Properties p = new Properties();
        p.setProperty(DataSourceFactory.JDBC_URL, url);
        p.setProperty(DataSourceFactory.JDBC_USER, user == null ? "" : user);
        p.setProperty(DataSourceFactory.JDBC_PASSWORD, password == null ? "" : password);
        return p;
    }

    @Override
    public RegistryInfo info() {
        return registry().info();
    }

    @Override
    public RunRecord startRun(RunStart start) {
        return registry().startRun(start);
    }

    @Override
    public void logParams(long runId, Map<String, String> params) {
        registry().logParams(runId, params);
    }

    @Override
    public void logMetrics(long runId, long step, Map<String, Double> values) {
        registry().logMetrics(runId, step, values);
    }

    @Override
    public void setTag(long runId, String key, String value) {
        registry().setTag(runId, key, value);
    }

    @Override
    public void recordInputs(long runId, Map<String, String> sha256ByName) {
        registry().recordInputs(runId, sha256ByName);
    }

    @Override
    public ArtifactStore artifacts(long runId) {
        return registry().artifacts(runId);
    }

    @Override
    public void finishRun(long runId, RunStatus status, String reason, String error) {
        registry().finishRun(runId, status, reason, error);
    }

    @Override
    public void flush() {
        registry().flush();
    }

    @Override
    public Optional<RunRecord> findRun(long runId) {
        return registry().findRun(runId);
    }

    @Override
    public List<RunRecord> listRuns(RunQuery query) {
        return registry().listRuns(query);
    }

    @Override
    public List<MetricPoint> metricHistory(long runId, String key) {
        return registry().metricHistory(runId, key);
    }

    @Override
    public RunExport exportRun(long runId) {
        return registry().exportRun(runId);
    }

    @Override
    public ImportResult importRun(RunExport run) {
        return registry().importRun(run);
    }

    @Override
    public List<Long> markInterrupted() {
        return registry().markInterrupted();
    }

}
