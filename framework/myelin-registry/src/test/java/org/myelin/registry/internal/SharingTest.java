package org.myelin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.registry.MetricPoint;
import org.myelin.api.registry.RegistryUnavailableException;
import org.myelin.api.registry.RunQuery;
import org.myelin.api.registry.RunRecord;
import org.myelin.api.registry.RunStatus;

class SharingTest {

    @TempDir
    Path data;

    @Test
    void runsOverAnH2TcpServerUrl(@TempDir Path serverDir) throws Exception {
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", serverDir.toString()).start();
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/shared-registry";
            SqlRegistry r = Registries.external(data, url, "lab", "secret");
            try {
                assertEquals("server", r.info().access());
                assertEquals(url, r.info().jdbcUrl());
                long id = r.startRun(Registries.start("remote")).id();
                r.logParams(id, Map.of("lr", "0.1"));
                r.logMetrics(id, 0, Map.of("loss", Double.NEGATIVE_INFINITY));
                r.logMetrics(id, 1, Map.of("loss", 0.25));
                r.finishRun(id, RunStatus.FINISHED, null, null);
                assertEquals(List.of(Double.NEGATIVE_INFINITY, 0.25),
                        r.metricHistory(id, "loss").stream().map(MetricPoint::value).toList());
                assertEquals(List.of(id), r.listRuns(new RunQuery("params.lr = 0.1 AND status = FINISHED", 0)).stream()
                        .map(RunRecord::id).toList());
            } finally {
                r.close();
            }
            assertTrue(Files.exists(serverDir.resolve("shared-registry.mv.db")));
            assertFalse(Files.exists(data.resolve("registry/registry.mv.db")), "no embedded file with an external URL");
            SqlRegistry again = Registries.external(data, url, "lab", "secret");
            try {
                assertEquals(1, again.listRuns(RunQuery.all()).size());
            } finally {
                again.close();
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void secondInstanceOnTheSameFileGoesThroughTheLoopbackShare() throws Exception {
        SqlRegistry holder = Registries.embedded(data);
        try {
            Path lock = data.resolve("registry/registry.lock.json");
            assertTrue(Files.exists(lock));
            assertFalse(LockFile.read(data.resolve("registry")).orElseThrow().sharing(), "no listener without a run");
            long id = holder.startRun(Registries.start("e")).id();
            LockFile l = LockFile.read(data.resolve("registry")).orElseThrow();
            assertTrue(l.sharing());
            assertEquals(ProcessHandle.current().pid(), l.pid());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
            holder.logMetrics(id, 0, Map.of("loss", 1.5));
            holder.flush();

            SqlRegistry reader = Registries.embedded(data);
            try {
                assertEquals("shared", reader.info().access());
                assertEquals("jdbc:h2:tcp://127.0.0.1:" + l.port() + "/registry", reader.info().jdbcUrl());
                RunRecord seen = reader.findRun(id).orElseThrow();
                assertEquals(RunStatus.RUNNING, seen.status());
                assertEquals(1.5, seen.latestMetrics().get("loss"));
                assertEquals(List.of(), reader.markInterrupted(), "a live holder's run is left alone");
                long other = reader.startRun(Registries.start("from-reader")).id();
                reader.finishRun(other, RunStatus.FINISHED, null, null);
                assertEquals(RunStatus.FINISHED, holder.findRun(other).orElseThrow().status());
            } finally {
                reader.close();
            }
            holder.finishRun(id, RunStatus.FINISHED, null, null);
            assertFalse(LockFile.read(data.resolve("registry")).orElseThrow().sharing(), "sharing stops with the last run");
        } finally {
            holder.close();
        }
        assertFalse(Files.exists(data.resolve("registry/registry.lock.json")));
    }

    @Test
    void shareNoneFailsNamingTheHolder() {
        SqlRegistry holder = Registries.embedded(data);
        try {
            holder.startRun(Registries.start("e"));
            RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                    () -> Registries.embedded(data, RegistryConnector.Share.NONE, 300));
            assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().contains("myelin.registry.share=none"), e.getMessage());
        } finally {
            holder.close();
        }
    }

    @Test
    void holderWithoutARunMakesOthersWaitThenFailNamingIt() {
        SqlRegistry holder = Registries.embedded(data);
        try {
            long t0 = System.currentTimeMillis();
            RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                    () -> Registries.embedded(data, RegistryConnector.Share.LOOPBACK, 400));
            assertTrue(System.currentTimeMillis() - t0 >= 400);
            assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid())
                    && e.getMessage().contains("does not share it"), e.getMessage());
        } finally {
            holder.close();
        }
        SqlRegistry after = Registries.embedded(data);
        try {
            assertEquals("embedded", after.info().access());
        } finally {
            after.close();
        }
    }

    @Test
    void migrationsUpgradeAnExistingDatabase() throws Exception {
        SqlRegistry v1 = Registries.embedded(data);
        long id = v1.startRun(Registries.start("e")).id();
        v1.finishRun(id, RunStatus.FINISHED, null, null);
        v1.close();
        List<Migrations.Script> scripts = new java.util.ArrayList<>(Migrations.RELEASED);
        scripts.add(new Migrations.Script(2, "/org/myelin/registry/internal/test-migrations/V2__run_notes.sql"));
        RegistryConnector connector = new RegistryConnector(Registries.H2, data.resolve("registry"), null, null, null,
                RegistryConnector.Share.LOOPBACK, "command", 500);
        SqlRegistry v2 = new SqlRegistry(connector, data.resolve("runs"), new Migrations(scripts, SharingTest.class));
        try {
            assertEquals(2, v2.info().schemaVersion());
            assertEquals(RunStatus.FINISHED, v2.findRun(id).orElseThrow().status());
        } finally {
            v2.close();
        }
        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class, () -> Registries.embedded(data));
        assertTrue(e.getMessage().contains("schema version 2"), e.getMessage());
    }
}
