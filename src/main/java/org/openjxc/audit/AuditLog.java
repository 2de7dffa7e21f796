package org.openjxc.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjxc.audit.internal.AuditEntries;
import org.openjxc.audit.internal.AuditEntries.NewEntry;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records writes in the audit log. {@link #record} must run inside the transaction of the write
 * it describes, so the entry exists exactly when the change does: entries are written as that
 * transaction commits, and vanish with it when it rolls back.
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
        String beforeJson = toJson(before);
        String afterJson = toJson(after);
        NewEntry entry = new NewEntry(
                companyId,
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
                        beforeJson,
                        afterJson,
                        marker(action, entityType, beforeJson, afterJson)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pending().add(entry);
        } else {
            entries.insert(List.of(entry));
        }
    }

    /**
     * The entries of the current transaction, written together just before it commits: one round
     * trip for all the writes of a command (a document created and posted records two). Kept with
     * the transaction's synchronizations, so a transaction suspended for a nested one keeps its own.
     * (A write recorded from another synchronization's own before-commit callback would come too
     * late; writes are recorded in the transaction's work, never in its callbacks.)
     */
    private List<NewEntry> pending() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.log == this) {
                return p.entries;
            }
        }
        Pending p = new Pending(this);
        TransactionSynchronizationManager.registerSynchronization(p);
        return p.entries;
    }

    private static final class Pending implements TransactionSynchronization {
        final AuditLog log;
        final List<NewEntry> entries = new ArrayList<>();

        Pending(AuditLog log) {
            this.log = log;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (entries.isEmpty()) {
                return;
            }
            List<NewEntry> batch = List.copyOf(entries);
            entries.clear();
            // The entries are the transaction's last writes; when nothing else is left to run before
            // the commit, they go with the commit itself, a round trip fewer for every command.
            if (!readOnly && TransactionSynchronizationManager.isActualTransactionActive() && lastBeforeCommit()) {
                log.entries.insertAndCommit(batch);
            } else {
                log.entries.insert(batch);
            }
        }

        /**
         * Whether no other synchronization of the transaction has work between this one's and the
         * commit: a before-commit callback after this one, or any before-completion callback (those
         * that only act after the commit, such as counting what was posted, are no obstacle).
         */
        private boolean lastBeforeCommit() {
            boolean after = false;
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                if (s == this) {
                    after = true;
                } else if (BEFORE_COMPLETION.get(s.getClass()) || (after && BEFORE_COMMIT.get(s.getClass()))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether a kind of synchronization has before-commit work of its own (asked once per class). */
        private static final ClassValue<Boolean> BEFORE_COMMIT = overriding("beforeCommit", boolean.class);

        /** The same for before-completion work. */
        private static final ClassValue<Boolean> BEFORE_COMPLETION = overriding("beforeCompletion");

        private static ClassValue<Boolean> overriding(String method, Class<?>... parameters) {
            return new ClassValue<>() {
                @Override
                protected Boolean computeValue(Class<?> type) {
                    try {
                        return type.getMethod(method, parameters).getDeclaringClass()
                                != TransactionSynchronization.class;
                    } catch (NoSuchMethodException e) {
                        return true;
                    }
                }
            };
        }
    }

    /** Entities whose every change alters who may do what. */
    private static final Set<String> ACCESS_ENTITIES = Set.of("Role", "User", "TemporaryGrant", "ApiToken");

    /** Field names that hold money values a reviewer must see changing: prices, costs, limits. */
    private static final Pattern SENSITIVE = Pattern.compile("(?i).*(price|cost|creditlimit|discount).*");

    private AuditMarker marker(String action, String entityType, String before, String after) {
        if (action.startsWith("DELETE") || (before != null && after == null && !action.startsWith("LOGIN"))) {
            return AuditMarker.DELETION;
        }
        if (ACCESS_ENTITIES.contains(entityType) && !action.startsWith("LOGIN")) {
            return AuditMarker.PERMISSION_CHANGE;
        }
        if (before != null && after != null && !sensitiveValues(before).equals(sensitiveValues(after))) {
            return AuditMarker.SENSITIVE_FIELD;
        }
        return null;
    }

    /** Every value under a sensitive field name, by its path, so that any change among them shows. */
    private Map<String, String> sensitiveValues(String jsonText) {
        Map<String, String> values = new TreeMap<>();
        JsonNode root;
        try {
            root = json.readTree(jsonText);
        } catch (RuntimeException notJson) {
            return values;
        }
        collect(root, "", false, values);
        return values;
    }

    private static void collect(JsonNode node, String path, boolean sensitive, Map<String, String> values) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                collect(
                        field.getValue(),
                        path + "." + field.getKey(),
                        sensitive || SENSITIVE.matcher(field.getKey()).matches(),
                        values);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", sensitive, values);
            }
        } else if (sensitive && !node.isNull()) {
            // 12.50 and 12.5 are the same price.
            values.put(
                    path,
                    node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText());
        }
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
