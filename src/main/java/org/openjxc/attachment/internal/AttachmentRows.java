package org.openjxc.attachment.internal;

import java.util.List;
import java.util.Optional;
import org.openjxc.attachment.AttachmentFile;
import org.openjxc.attachment.AttachmentOwner;
import org.openjxc.attachment.AttachmentView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The attachment table; lists never read the bytes. */
@Repository
public class AttachmentRows {

    private static final String VIEW =
            "select id, file_name, content_type, byte_size, sha256, uploaded_by, uploaded_at from attachment";

    private final JdbcClient jdbc;

    AttachmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            long companyId,
            AttachmentOwner owner,
            long ownerId,
            String fileName,
            String contentType,
            byte[] content,
            String sha256,
            String uploadedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into attachment (company_id, owner_type, owner_id, file_name, content_type, byte_size,
                                                sha256, content, uploaded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        companyId,
                        owner.name(),
                        ownerId,
                        fileName,
                        contentType,
                        content.length,
                        sha256,
                        content,
                        uploadedBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<AttachmentView> list(long companyId, AttachmentOwner owner, long ownerId) {
        return jdbc.sql(VIEW + " where company_id = ? and owner_type = ? and owner_id = ? order by id")
                .params(companyId, owner.name(), ownerId)
                .query(AttachmentView.class)
                .list();
    }

    public Optional<AttachmentFile> file(long companyId, AttachmentOwner owner, long ownerId, long id) {
        return jdbc.sql("""
                        select id, file_name, content_type, byte_size, sha256, uploaded_by, uploaded_at, content
                        from attachment where company_id = ? and owner_type = ? and owner_id = ? and id = ?""")
                .params(companyId, owner.name(), ownerId, id)
                .query((rs, n) -> new AttachmentFile(
                        new AttachmentView(
                                rs.getLong("id"),
                                rs.getString("file_name"),
                                rs.getString("content_type"),
                                rs.getInt("byte_size"),
                                rs.getString("sha256"),
                                rs.getString("uploaded_by"),
                                rs.getObject("uploaded_at", java.time.OffsetDateTime.class)),
                        rs.getBytes("content")))
                .optional();
    }

    public int delete(long companyId, AttachmentOwner owner, long ownerId, long id) {
        return jdbc.sql("delete from attachment where company_id = ? and owner_type = ? and owner_id = ? and id = ?")
                .params(companyId, owner.name(), ownerId, id)
                .update();
    }

    public int deleteAll(long companyId, AttachmentOwner owner, long ownerId) {
        return jdbc.sql("delete from attachment where company_id = ? and owner_type = ? and owner_id = ?")
                .params(companyId, owner.name(), ownerId)
                .update();
    }
}
