package org.openjxc.document;

/**
 * Document types with their number prefixes (拼音 initials, as Chinese users expect:
 * 其他入库 → QTRK). Further types join as their flows are built.
 */
public enum DocumentType {
    OTHER_INBOUND("QTRK", Direction.INBOUND),
    OTHER_OUTBOUND("QTCK", Direction.OUTBOUND),
    TRANSFER("DBD", Direction.TRANSFER),
    STATUS_CHANGE("ZTBG", Direction.STATUS_CHANGE);

    /** How a type's lines move stock. */
    public enum Direction {
        INBOUND,
        OUTBOUND,
        TRANSFER,
        STATUS_CHANGE
    }

    private final String prefix;
    private final Direction direction;

    DocumentType(String prefix, Direction direction) {
        this.prefix = prefix;
        this.direction = direction;
    }

    public String prefix() {
        return prefix;
    }

    public Direction direction() {
        return direction;
    }
}
