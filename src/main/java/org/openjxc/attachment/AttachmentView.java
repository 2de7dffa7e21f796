package org.openjxc.attachment;

import java.time.OffsetDateTime;

/** An attachment without its bytes, as lists show it. */
public record AttachmentView(
        long id,
        String fileName,
        String contentType,
        int byteSize,
        String sha256,
        String uploadedBy,
        OffsetDateTime uploadedAt) {}
