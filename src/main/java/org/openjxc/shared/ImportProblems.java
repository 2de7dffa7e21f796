package org.openjxc.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the problems of an import and parses cell values, noting what does not parse. */
public final class ImportProblems {

    private final List<ImportProblem> kept = new ArrayList<>();
    private long count;

    public void add(ImportProblem problem) {
        count++;
        if (kept.size() < ImportResult.MAX_PROBLEMS) {
            kept.add(problem);
        }
    }

    public void add(int row, String field, String messageKey, Object... args) {
        add(ImportProblem.of(row, field, messageKey, args));
    }

    public long count() {
        return count;
    }

    public List<ImportProblem> list() {
        return kept.stream()
                .sorted(java.util.Comparator.comparingInt(ImportProblem::row))
                .toList();
    }

    public String required(ImportRow row, String column) {
        if (!row.has(column)) {
            add(row.number(), column, "import.required");
            return null;
        }
        return row.get(column).trim();
    }

    public String code(ImportRow row, String column) {
        String value = required(row, column);
        if (value != null && !Codes.isValid(value)) {
            add(row.number(), column, "openjxc.code.pattern");
            return null;
        }
        return value;
    }

    public String text(ImportRow row, String column, int max) {
        if (!row.has(column)) {
            return null;
        }
        String value = row.get(column).trim();
        if (value.length() > max) {
            add(row.number(), column, "import.tooLong", max);
            return null;
        }
        return value;
    }

    public BigDecimal decimal(ImportRow row, String column, int scale, boolean positive) {
        if (!row.has(column)) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(row.get(column).trim().replace(",", ""));
            if (value.signum() < 0 || positive && value.signum() == 0) {
                add(row.number(), column, positive ? "openjxc.factor.positive" : "import.negative");
                return null;
            }
            if (value.stripTrailingZeros().scale() > scale || value.precision() - value.scale() > 12) {
                add(row.number(), column, "import.precision", scale);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            add(row.number(), column, "import.notANumber", row.get(column));
            return null;
        }
    }

    public Integer integer(ImportRow row, String column, int min, int max) {
        if (!row.has(column)) {
            return null;
        }
        try {
            int value = new BigDecimal(row.get(column).trim()).intValueExact();
            if (value < min || value > max) {
                add(row.number(), column, "import.range", min, max);
                return null;
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            add(row.number(), column, "import.notAWholeNumber", row.get(column));
            return null;
        }
    }

    public Boolean bool(ImportRow row, String column, boolean fallback) {
        if (!row.has(column)) {
            return fallback;
        }
        String v = row.get(column).trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "y", "1", "是", "启用" -> true;
            case "false", "no", "n", "0", "否", "停用" -> false;
            default -> {
                add(row.number(), column, "import.notABoolean", row.get(column));
                yield fallback;
            }
        };
    }

    public <E extends Enum<E>> E enumValue(ImportRow row, String column, Class<E> type, E fallback) {
        if (!row.has(column)) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, row.get(column).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(
                    row.number(),
                    column,
                    "error.json.enum",
                    row.get(column),
                    java.util.Arrays.toString(type.getEnumConstants()));
            return fallback;
        }
    }
}
