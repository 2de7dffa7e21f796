package org.openjxc.attachment;

/** What an attachment belongs to; the owner id is that record's id. */
public enum AttachmentOwner {
    /** The one picture of an item; storing another replaces it. */
    ITEM_PICTURE,
    /** Any number of files attached to a document. */
    DOCUMENT,
    /** Photos taken during a stock count, each naming its line. */
    STOCK_COUNT
}
