package org.openjxc.attachment;

/** An attachment with its bytes, for download. */
public record AttachmentFile(AttachmentView view, byte[] content) {}
