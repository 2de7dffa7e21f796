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
        List<PostingLine> lines,
        /** The document this one follows (the order a delivery fulfils, the delivery a return takes back). */
        Long sourceDocumentId,
        /** Whether a sales order reserves stock when posted (the company's {@code reserveOnSalesOrder}). */
        boolean reserve) {}
