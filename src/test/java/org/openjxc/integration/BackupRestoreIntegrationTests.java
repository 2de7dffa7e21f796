package org.openjxc.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openjxc.inventory.StockFixture;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.openjxc.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Backup and restore end to end (issue #13): a backup of the running database is restored into an
 * empty one, whose ledger verifies and whose figures are those of the original — with the online
 * backup on H2, with pg_dump and psql on PostgreSQL.
 */
@IntegrationTest
class BackupRestoreIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    /** Figures a restore must give back exactly: ledger, balances, books, documents. */
    static final List<String> FIGURES = List.of(
            "select count(*), coalesce(sum(qty), 0), coalesce(sum(move_value), 0) from stock_move",
            "select count(*), coalesce(sum(on_hand), 0), coalesce(sum(stock_value), 0) from stock_level",
            "select count(*), coalesce(sum(debit), 0), coalesce(sum(credit), 0) from voucher_line",
            "select count(*), count(distinct status), coalesce(sum(version), 0) from document",
            // The backup's own audit entry is written as it ends, after the script.
            "select count(*) from audit_log where action <> 'BACKUP'");

    /** What verify checks, set-based: totals per item and warehouse equal the ledger. */
    static final String DIFFERENCES = """
            select count(*) from stock_level l
            left join (select company_id, item_id, warehouse_id, sum(qty) as q, sum(move_value) as v from stock_move
                       group by company_id, item_id, warehouse_id) m
                on m.company_id = l.company_id and m.item_id = l.item_id and m.warehouse_id = l.warehouse_id
            where l.on_hand <> coalesce(m.q, 0) or l.stock_value <> coalesce(m.v, 0)""";

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseVerifiesAndHasTheSameFigures() throws Exception {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 10, "2.5");
        f.posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 4)));

        if (!TestDatabase.isPostgres()) {
            var backup = expect(admin.post("/api/v1/backups", Map.of()), 201).json();
            Path file = Path.of(backup.get("file").asString());
            assertThat(Files.size(file)).isPositive();
            // Figures of the original taken after the backup: nothing else writes meanwhile in this test
            // company, but other tests may share the database, so both are read from the same moment on.
            List<List<Object>> original;
            try (Connection c = dataSource.getConnection()) {
                original = figures(c);
            }
            String url = "jdbc:h2:mem:restore-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            try (Connection restored = DriverManager.getConnection(url, "sa", "")) {
                restored.createStatement().execute("runscript from '" + file + "' compression zip");
                assertThat(figures(restored)).isEqualTo(original);
                assertThat(single(restored, DIFFERENCES)).isEqualTo(0L);
            }
            Files.deleteIfExists(file);
        } else {
            // PostgreSQL is backed up with its own tools: the API says so.
            assertThat(admin.post("/api/v1/backups", Map.of()).code()).isEqualTo("INVALID_STATE");
            String url = System.getenv("OPENJXC_TEST_POSTGRES_URL");
            String user = System.getenv().getOrDefault("OPENJXC_TEST_POSTGRES_USER", "postgres");
            String password = System.getenv().getOrDefault("OPENJXC_TEST_POSTGRES_PASSWORD", "postgres");
            var uri = java.net.URI.create(url.substring("jdbc:".length()));
            String db = uri.getPath().substring(1);
            String copy = db + "_restore";
            Path dump = Files.createTempFile("openjxc", ".dump");
            List<List<Object>> original;
            try (Connection c = dataSource.getConnection()) {
                run(
                        password,
                        "pg_dump",
                        "-h",
                        uri.getHost(),
                        "-p",
                        String.valueOf(uri.getPort()),
                        "-U",
                        user,
                        "-Fc",
                        "-f",
                        dump.toString(),
                        db);
                original = figures(c);
            }
            run(
                    password,
                    "dropdb",
                    "-h",
                    uri.getHost(),
                    "-p",
                    String.valueOf(uri.getPort()),
                    "-U",
                    user,
                    "--if-exists",
                    copy);
            run(password, "createdb", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", user, copy);
            run(
                    password,
                    "pg_restore",
                    "-h",
                    uri.getHost(),
                    "-p",
                    String.valueOf(uri.getPort()),
                    "-U",
                    user,
                    "--no-owner",
                    "-d",
                    copy,
                    dump.toString());
            try (Connection restored = DriverManager.getConnection(url.replace("/" + db, "/" + copy), user, password)) {
                assertThat(figures(restored)).isEqualTo(original);
                assertThat(single(restored, DIFFERENCES)).isEqualTo(0L);
            } finally {
                run(password, "dropdb", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", user, copy);
                Files.deleteIfExists(dump);
            }
        }
    }

    private static List<List<Object>> figures(Connection c) throws Exception {
        {
            List<List<Object>> all = new ArrayList<>();
            for (String sql : FIGURES) {
                try (var rs = c.createStatement().executeQuery(sql)) {
                    rs.next();
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.add(
                                v instanceof java.math.BigDecimal b
                                        ? b.stripTrailingZeros().toPlainString()
                                        : String.valueOf(v));
                    }
                    all.add(row);
                }
            }
            return all;
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void run(String password, String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().put("PGPASSWORD", password);
        Process p = process.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
    }
}
