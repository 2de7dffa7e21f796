package org.openjxc.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Imports master data of modest volume (partners, warehouses, bins) through the same service
 * command as the form and the API, so every rule applies unchanged: each row becomes a command,
 * is validated, then applied. Refusals are collected per row; the caller's transaction is rolled
 * back when any row was refused. Services validate before they write, so a refused row leaves the
 * transaction usable for the next.
 */
public final class RowByRowImport {

    private RowByRowImport() {}

    /** Applies every row; returns the number applied. {@code toCommand} may report cell problems. */
    public static <C> int run(
            ImportSource source,
            ImportProblems problems,
            Validator validator,
            BiFunction<ImportRow, ImportProblems, C> toCommand,
            Consumer<C> apply,
            int[] rowCount) {
        int[] applied = {0};
        source.forEach(row -> {
            rowCount[0]++;
            long before = problems.count();
            C command = toCommand.apply(row, problems);
            if (command == null || problems.count() > before) {
                return;
            }
            for (ConstraintViolation<C> v : validator.validate(command)) {
                problems.add(row.number(), v.getPropertyPath().toString(), "error.field", v.getMessage());
            }
            if (problems.count() > before) {
                return;
            }
            try {
                apply.accept(command);
                applied[0]++;
            } catch (BusinessException e) {
                if (e.violations().isEmpty()) {
                    problems.add(new ImportProblem(row.number(), "", e.messageKey(), e.args()));
                }
                for (FieldViolation v : e.violations()) {
                    problems.add(new ImportProblem(row.number(), v.field(), v.messageKey(), v.args()));
                }
            }
        });
        return applied[0];
    }
}
