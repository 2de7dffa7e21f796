package org.openjxc.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javax.sql.DataSource;
import org.openjxc.audit.AuditLog;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Online backup of the embedded H2 database: one call writes a consistent, compressed SQL script
 * of the whole database ({@code SCRIPT … COMPRESSION ZIP}) into the backup directory while the
 * application keeps running; {@code RUNSCRIPT} (or H2's {@code RunScript} tool) restores it into an
 * empty database (docs/OPERATIONS.md). PostgreSQL is backed up with {@code pg_dump}, which knows
 * it better than any application can.
 */
@Service
public class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Path directory;

    Backups(DataSource dataSource, AuditLog audit, @Value("${openjxc.backup.dir:./backups}") Path directory) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.directory = directory;
    }

    /** Writes a backup of the whole database (all companies: it is the installation's). */
    @org.springframework.transaction.annotation.Transactional
    public BackupView backup(Actor actor) {
        actor.scope().requireWholeCompany();
        if (!embedded()) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.backup.postgres");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.backup.directory", directory.toString());
        }
        OffsetDateTime now = OffsetDateTime.now();
        Path file = directory.resolve("openjxc-" + STAMP.format(now) + ".zip").toAbsolutePath();
        try (var c = dataSource.getConnection();
                var st = c.createStatement()) {
            st.execute("script to '" + file.toString().replace("'", "''") + "' compression zip");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("backup failed", e);
        }
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        BackupView view = new BackupView(file.toString(), bytes, now);
        audit.record("BACKUP", "Database", file.getFileName().toString(), null, Map.of("bytes", bytes));
        return view;
    }

    private boolean embedded() {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:h2:");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
