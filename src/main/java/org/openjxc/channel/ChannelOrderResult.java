package org.openjxc.channel;

import java.util.List;

/**
 * What became of one imported order: {@code CREATED} (a new sales order), {@code DUPLICATE} (that
 * external id was imported before; the earlier order is named) or {@code REJECTED} with reasons.
 */
public record ChannelOrderResult(
        String externalId, String outcome, Long document, String documentNumber, List<Reason> reasons) {

    /** Why an order was refused: the field ({@code lines[1].sku}) and the reason in the user's language. */
    public record Reason(String field, String message) {}
}
