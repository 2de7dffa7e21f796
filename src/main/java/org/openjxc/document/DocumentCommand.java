package org.openjxc.document;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Create or change a draft document. Master data is named by code, the source document by id. */
public record DocumentCommand(
        @NotNull DocumentType type,
        LocalDate date,
        String warehouse,
        String toWarehouse,
        String partner,
        Long sourceDocument,
        @Size(max = 500) String remark,
        @NotEmpty @Size(max = 5000) List<@Valid @NotNull LineCommand> lines,
        Integer version,
        /** For orders: when the goods are expected (promised by the supplier, wished by the customer). */
        LocalDate expectedDate,
        /** For a landed cost: how it is spread over the receipt's lines; by amount when null. */
        AllocationBasis allocation) {

    public DocumentCommand(
            DocumentType type,
            LocalDate date,
            String warehouse,
            String toWarehouse,
            String partner,
            Long sourceDocument,
            String remark,
            List<LineCommand> lines,
            Integer version,
            LocalDate expectedDate) {
        this(type, date, warehouse, toWarehouse, partner, sourceDocument, remark, lines, version, expectedDate, null);
    }

    public DocumentCommand(
            DocumentType type,
            LocalDate date,
            String warehouse,
            String toWarehouse,
            String partner,
            Long sourceDocument,
            String remark,
            List<LineCommand> lines,
            Integer version) {
        this(type, date, warehouse, toWarehouse, partner, sourceDocument, remark, lines, version, null);
    }
}
