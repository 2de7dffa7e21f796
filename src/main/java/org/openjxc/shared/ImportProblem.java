package org.openjxc.shared;

import java.util.List;

/** Why a row of an import was refused: the row, the column and a message key with arguments. */
public record ImportProblem(int row, String field, String messageKey, List<Object> args) {

    public static ImportProblem of(int row, String field, String messageKey, Object... args) {
        return new ImportProblem(row, field, messageKey, List.of(args));
    }
}
