package org.openjxc.shared;

import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Deleting master data that anything still references is refused by the database's foreign keys;
 * this turns that refusal into {@code REFERENCED} with advice to deactivate instead. Because the
 * keys decide, a table added later protects its references without changing the delete code.
 */
public final class References {

    private References() {}

    public static <T> T deleting(String entity, Object key, Supplier<T> delete) {
        try {
            return delete.get();
        } catch (DataIntegrityViolationException e) {
            throw new BusinessException(ErrorCode.REFERENCED, "error.referenced", entity, key);
        }
    }
}
