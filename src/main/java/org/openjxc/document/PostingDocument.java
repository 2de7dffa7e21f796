package org.openjxc.document;

import java.util.List;

/** A document being posted or unposted, with everything a poster needs and no more. */
public record PostingDocument(
        long companyId,
        long id,
        String number,
        DocumentType type,
        long warehouseId,
        Long toWarehouseId,
        long actorId,
        boolean allowNegativeStock,
        List<PostingLine> lines) {}
