package org.openjxc.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Function;

/**
 * Binds a statement's parameters in order. An array parameter holds one value of each element of
 * a list: PostgreSQL then takes a whole batch of rows in one statement ({@code unnest(?, ?, …)}).
 */
public final class SqlBinder {

    private final PreparedStatement statement;
    private int at;

    public SqlBinder(PreparedStatement statement) {
        this.statement = statement;
    }

    /**
     * An array of the SQL type {@code type} (as PostgreSQL names it) with one value per element.
     * Numbers and dates go as their text, which the array's type reads exactly (a number never in
     * exponent notation).
     */
    public <T> SqlBinder array(String type, Collection<T> elements, Function<T, ?> value) throws SQLException {
        Object[] values = elements.stream().map(value).map(SqlBinder::element).toArray();
        statement.setArray(++at, statement.getConnection().createArrayOf(type, values));
        return this;
    }

    private static Object element(Object value) {
        if (value instanceof java.math.BigDecimal n) {
            return n.toPlainString();
        }
        if (value instanceof java.time.LocalDate d) {
            return d.toString();
        }
        return value;
    }

    public SqlBinder value(Object value) throws SQLException {
        statement.setObject(++at, value);
        return this;
    }

    /**
     * A value that may be null, bound as {@code sqlType} ({@link java.sql.Types}) either way: the
     * driver prepares a statement again whenever a parameter's type changes between executions.
     */
    public SqlBinder value(Object value, int sqlType) throws SQLException {
        statement.setObject(++at, value, sqlType);
        return this;
    }

    /** One parameter per value, for a list of placeholders made by {@link #placeholders}. */
    public SqlBinder values(Collection<?> values) throws SQLException {
        for (Object value : values) {
            value(value);
        }
        return this;
    }

    /** "?, ?, ?" for as many values. */
    public static String placeholders(Collection<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }
}
