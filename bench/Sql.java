import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's SQL client, for PostgreSQL and H2 alike (psql reaches only the one): runs the
 * statements of standard input, or the one given with {@code -c}, on the database the server
 * uses, and prints what the last query answered the way {@code psql -qtA} does (columns joined
 * by {@code |}, a row per line). Statements end with a semicolon at the end of a line.
 *
 * <p>On H2, what only PostgreSQL has is translated or left out: {@code vacuum analyze} becomes
 * {@code analyze}, {@code set synchronous_commit} is skipped. Everything else is written in SQL
 * both understand.
 *
 * <pre>java -cp DRIVERS bench/Sql.java JDBC_URL USER PASSWORD [-c SQL] [&lt; script.sql]</pre>
 */
public class Sql {

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length < 3) {
            System.err.println("usage: java -cp DRIVERS bench/Sql.java JDBC_URL USER PASSWORD [-c SQL]");
            System.exit(2);
        }
        String script = args.length >= 5 && args[3].equals("-c") ? args[4] : read(System.in);
        boolean h2 = args[0].startsWith("jdbc:h2:");
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            c.setAutoCommit(true);
            String last = null;
            for (String sql : statements(script)) {
                String lower = sql.toLowerCase(Locale.ROOT);
                if (h2 && lower.startsWith("set synchronous_commit")) {
                    continue;
                }
                if (h2 && lower.startsWith("vacuum")) {
                    sql = "analyze";
                }
                try (Statement s = c.createStatement()) {
                    if (s.execute(sql)) {
                        last = rows(s.getResultSet());
                    }
                } catch (SQLException e) {
                    System.err.println("ERROR: " + e.getMessage() + "\n  in: " + sql);
                    System.exit(1);
                }
            }
            if (last != null) {
                System.out.print(last);
            }
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The statements of a script: each ends with a semicolon at the end of a line. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                add(statements, current);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String sql = current.toString().strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (!sql.isEmpty()) {
            statements.add(sql);
        }
        current.setLength(0);
    }

    private static String rows(ResultSet rs) throws SQLException {
        StringBuilder out = new StringBuilder();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
                if (i > 1) {
                    out.append('|');
                }
                Object value = rs.getObject(i);
                out.append(value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
