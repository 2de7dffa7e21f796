package org.openjxc.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openjxc.audit.internal.AuditEntries;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records writes in the audit log. {@link #record} must run inside the transaction of the write
 * it describes, so the entry exists exactly when the change does.
 */
@Service
public class AuditLog {

    private final AuditEntries entries;
    private final JsonMapper json;

    AuditLog(AuditEntries entries, JsonMapper json) {
        this.entries = entries;
        this.json = json;
    }

    /** Records a write by the current actor. {@code before}/{@code after} are serialized as JSON. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, Object entityKey, Object before, Object after) {
        Actor actor = Actors.require();
        write(actor.companyId(), actor.userId(), actor.username(), action, entityType, entityKey, before, after);
    }

    /** Records a write made by the system itself (first start, scheduled jobs) or before login. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(
            long companyId,
            Long userId,
            String username,
            String action,
            String entityType,
            Object entityKey,
            Object before,
            Object after) {
        write(companyId, userId, username, action, entityType, entityKey, before, after);
    }

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> find(long companyId, AuditQuery query, PageQuery page) {
        return entries.find(companyId, query, page);
    }

    private void write(
            long companyId,
            Long userId,
            String username,
            String action,
            String entityType,
            Object entityKey,
            Object before,
            Object after) {
        String ip = null;
        String agent = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            ip = request.getRemoteAddr();
            agent = truncate(request.getHeader("User-Agent"), 300);
        }
        entries.insert(
                new AuditEntry(
                        0,
                        OffsetDateTime.now(ZoneOffset.UTC),
                        userId,
                        username,
                        ip,
                        agent,
                        action,
                        entityType,
                        truncate(String.valueOf(entityKey), 200),
                        toJson(before),
                        toJson(after)),
                companyId);
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : json.writeValueAsString(value);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
