package org.openjxc.document;

/**
 * What posting and unposting a document does beyond its status: the stock ledger implements it.
 * Called inside the transition's transaction, after the document row is locked; a refusal
 * (for example {@code INSUFFICIENT_STOCK}) rolls the whole transition back.
 */
public interface DocumentPoster {

    void post(PostingDocument document);

    void unpost(PostingDocument document);

    /** An order closed with quantities open: what it still holds (a reservation) is let go. */
    default void close(PostingDocument document) {}
}
