package org.openjxc.document;

import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * Company settings of API.md "Settings". {@code requireApproval} names the document types that
 * must be approved before they post.
 */
public record CompanySettings(
        @NotNull Boolean allowNegativeStock,
        @NotNull Boolean postOnApprove,
        @NotNull Boolean reserveOnSalesOrder,
        @NotNull Map<DocumentType, Boolean> requireApproval,
        @NotNull Boolean segregationOfDuties,
        Integer version) {

    public boolean requiresApproval(DocumentType type) {
        return Boolean.TRUE.equals(requireApproval.get(type));
    }
}
