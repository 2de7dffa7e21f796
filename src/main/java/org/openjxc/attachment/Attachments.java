package org.openjxc.attachment;

import java.util.Arrays;
import java.util.List;
import org.openjxc.attachment.internal.AttachmentRows;
import org.openjxc.audit.AuditLog;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and serves attachments. The caller has already found the owner within the actor's
 * company and checked the permission; here the file is checked by its content, never by the name
 * or type the browser claims, so that a script cannot be stored as a "picture".
 */
@Service
public class Attachments {

    /** Pictures are shown on pages and labels; larger ones only slow the page. */
    public static final int MAX_PICTURE_BYTES = 2 * 1024 * 1024;

    public static final int MAX_DOCUMENT_FILE_BYTES = 10 * 1024 * 1024;
    public static final int MAX_FILES_PER_DOCUMENT = 20;

    private final AttachmentRows rows;
    private final AuditLog audit;

    Attachments(AttachmentRows rows, AuditLog audit) {
        this.rows = rows;
        this.audit = audit;
    }

    /**
     * Keeps {@code content} with the owner; an item's picture replaces the one it had. Audited
     * under {@code auditEntity}/{@code auditKey}, the owner as people know it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AttachmentView store(
            Actor actor,
            AttachmentOwner owner,
            long ownerId,
            String auditEntity,
            String auditKey,
            String fileName,
            byte[] content) {
        if (content == null || content.length == 0) {
            throw BusinessException.invalid("file", "attachment.empty");
        }
        boolean picture = owner == AttachmentOwner.ITEM_PICTURE;
        int max = picture ? MAX_PICTURE_BYTES : MAX_DOCUMENT_FILE_BYTES;
        if (content.length > max) {
            throw BusinessException.invalid("file", "attachment.tooLarge", max / (1024 * 1024));
        }
        String type = sniff(content);
        if (type == null || picture && !type.startsWith("image/")) {
            throw BusinessException.invalid("file", picture ? "attachment.notAPicture" : "attachment.unsupportedType");
        }
        List<AttachmentView> existing = rows.list(actor.companyId(), owner, ownerId);
        if (picture) {
            rows.deleteAll(actor.companyId(), owner, ownerId);
        } else if (existing.size() >= maxFiles(owner)) {
            throw BusinessException.invalid("file", "attachment.tooMany", maxFiles(owner));
        }
        String name = cleanName(fileName, type);
        long id = rows.insert(
                actor.companyId(), owner, ownerId, name, type, content, Text.sha256Hex(content), actor.username());
        AttachmentView stored = rows.list(actor.companyId(), owner, ownerId).stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow();
        audit.record("ATTACH", auditEntity, auditKey, picture && !existing.isEmpty() ? existing.get(0) : null, stored);
        return stored;
    }

    /** A count of a big warehouse may need more photos than a document has papers. */
    private static int maxFiles(AttachmentOwner owner) {
        return owner == AttachmentOwner.STOCK_COUNT ? 10 * MAX_FILES_PER_DOCUMENT : MAX_FILES_PER_DOCUMENT;
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> list(long companyId, AttachmentOwner owner, long ownerId) {
        return rows.list(companyId, owner, ownerId);
    }

    @Transactional(readOnly = true)
    public AttachmentFile file(long companyId, AttachmentOwner owner, long ownerId, long id) {
        return rows.file(companyId, owner, ownerId, id).orElseThrow(() -> BusinessException.notFound("Attachment", id));
    }

    /** The item's picture, if it has one. */
    @Transactional(readOnly = true)
    public java.util.Optional<AttachmentFile> picture(long companyId, long itemId) {
        return rows.list(companyId, AttachmentOwner.ITEM_PICTURE, itemId).stream()
                .findFirst()
                .flatMap(a -> rows.file(companyId, AttachmentOwner.ITEM_PICTURE, itemId, a.id()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(Actor actor, AttachmentOwner owner, long ownerId, String auditEntity, String auditKey, long id) {
        AttachmentView before = rows.list(actor.companyId(), owner, ownerId).stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("Attachment", id));
        rows.delete(actor.companyId(), owner, ownerId, id);
        audit.record("DETACH", auditEntity, auditKey, before, null);
    }

    /** Every attachment of the owner, when the owner itself is deleted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteAll(long companyId, AttachmentOwner owner, long ownerId) {
        rows.deleteAll(companyId, owner, ownerId);
    }

    /** The content type by the file's first bytes; null for anything not on the list. */
    static String sniff(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (b.length >= 12
                && starts(b, 'R', 'I', 'F', 'F')
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (starts(b, 'P', 'K', 3, 4)) {
            // Office files are zip packages; served as a download, never rendered.
            return "application/zip";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The name without any path, control characters or excess length; one is made up if none is left. */
    static String cleanName(String fileName, String type) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints()
                .filter(c -> c >= 0x20 && c != 0x7F && c != '"')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .trim();
        if (name.isEmpty() || Arrays.asList(".", "..").contains(name)) {
            name = "file." + type.substring(type.indexOf('/') + 1);
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
