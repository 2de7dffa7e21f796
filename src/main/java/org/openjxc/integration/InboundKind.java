package org.openjxc.integration;

/** What a partner system's message reports. */
public enum InboundKind {
    /** A 3PL or WMS shipped (part of) a sales order: posted as a sales delivery following it. */
    SHIPMENT_CONFIRMED,
    /** A 3PL or WMS received goods a customer sent back: posted as a sales return of the delivery. */
    RETURN_RECEIVED
}
