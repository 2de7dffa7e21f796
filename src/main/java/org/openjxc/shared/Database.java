package org.openjxc.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which database the server runs on, asked once at start. Hot paths send several statements in
 * one round trip, or one statement over arrays, where PostgreSQL allows it; H2 takes the plain path.
 */
@Component
public class Database {

    private final boolean postgres;

    Database(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }

    public boolean postgres() {
        return postgres;
    }
}
