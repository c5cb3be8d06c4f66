package org.myelin.registry.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.myelin.api.registry.BundleRecord;
import org.myelin.api.registry.RunStart;

/** Builds registries outside OSGi, with H2's data source directly. */
final class Registries {

    static final RegistryConnector.DataSources H2 = (url, user, password) -> {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    };

    private Registries() {
    }

    static SqlRegistry embedded(Path data) {
        return embedded(data, RegistryConnector.Share.LOOPBACK, 500);
    }

    static SqlRegistry embedded(Path data, RegistryConnector.Share share, long lockWaitMillis) {
        return new SqlRegistry(new RegistryConnector(H2, data.resolve("registry"), null, null, null, share, "command",
                lockWaitMillis), data.resolve("runs"), Migrations.released());
    }

    static SqlRegistry external(Path data, String url, String user, String password) {
        return new SqlRegistry(new RegistryConnector(H2, data.resolve("registry"), url, user, password,
                RegistryConnector.Share.LOOPBACK, "command", 500), data.resolve("runs"), Migrations.released());
    }

    static RunStart start(String experiment) {
        return new RunStart(experiment, "{\"experiment\":\"" + experiment + "\"}", "ab".repeat(32), 42L,
                Map.of("data", 7L, "init", 8L), List.of(new BundleRecord("myelin-api", "0.1.0", "cd".repeat(32))), null,
                Map.of("purpose", "test"));
    }
}
